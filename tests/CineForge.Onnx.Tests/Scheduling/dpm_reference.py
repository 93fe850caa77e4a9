"""Reference numbers for the DPM++ 2M Karras tests, from the published formulas.

Pure Python (no numpy, no torch), run with `python3 dpm_reference.py STEPS`. It follows the
published definitions: the scaled-linear beta schedule of Stable Diffusion (betas stored as
float32, alphas_cumprod accumulated in double and stored as float32, sigma = sqrt((1 - a)/a) in
float32), the Karras et al. (2022) rho=7 ramp between the largest and smallest training sigma,
timesteps by linear interpolation of log sigma over the training schedule, rounded half to even,
and a final sigma of zero. float32 storage is emulated with struct round trips, the way the
reference implementation keeps these tables in float32 tensors.
"""
import math
import struct
import sys


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def training_sigmas(train_steps=1000, beta_start=0.00085, beta_end=0.012):
    lo, hi = f32(math.sqrt(beta_start)), f32(math.sqrt(beta_end))
    step = f32((hi - lo) / (train_steps - 1))
    half = train_steps // 2
    sigmas = []
    acc = 1.0
    for i in range(train_steps):
        root = f32(lo + f32(step * i)) if i < half else f32(hi - f32(step * (train_steps - i - 1)))
        beta = f32(root * root)
        alpha = f32(1.0 - beta)
        acc *= alpha
        a = f32(acc)
        sigmas.append(f32(math.sqrt(f32(f32(1.0 - a) / a))))
    return sigmas


def sigma_to_t(sigma, log_sigmas):
    log_sigma = math.log(max(sigma, 1e-10))
    low = 0
    for i, ls in enumerate(log_sigmas):
        if log_sigma - ls >= 0:
            low = i
    low = min(low, len(log_sigmas) - 2)
    lo, hi = log_sigmas[low], log_sigmas[low + 1]
    w = (lo - log_sigma) / f32(lo - hi)
    w = min(max(w, 0.0), 1.0)
    return (1 - w) * low + w * (low + 1)


def karras(steps):
    train = training_sigmas()
    log_sigmas = [f32(math.log(s)) for s in train]
    smin, smax, rho = train[0], train[-1], 7.0
    ramp = [i / (steps - 1) for i in range(steps)] if steps > 1 else [0.0]
    sigmas = [(smax ** (1 / rho) + r * (smin ** (1 / rho) - smax ** (1 / rho))) ** rho for r in ramp]
    timesteps = [round(sigma_to_t(s, log_sigmas)) for s in sigmas]
    return [f32(s) for s in sigmas] + [0.0], timesteps


if __name__ == "__main__":
    n = int(sys.argv[1])
    sigmas, timesteps = karras(n)
    print("sigmas", ", ".join(repr(s) for s in sigmas))
    print("timesteps", ", ".join(str(t) for t in timesteps))
