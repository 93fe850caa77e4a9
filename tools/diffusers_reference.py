"""Expected tensors for the steps CineForge's ONNX pipelines take between ONNX calls, written
from diffusers' formulas (StableDiffusionPipeline, StableDiffusionXLPipeline,
StableDiffusionImg2ImgPipeline, StableVideoDiffusionPipeline, DPMSolverMultistepScheduler and
EulerDiscreteScheduler). Standard-library Python only: torch and diffusers are not needed, the
published formulas are the reference.

    python3 tools/diffusers_reference.py > tests/CineForge.Onnx.Tests/Reference/diffusers_reference.json

The tests read the committed JSON; rerun this script after changing it and commit both.

Where the reference keeps a tensor in float32, the value is rounded to float32 here (f32). The
"UNet" of the loops below is a scripted function of its inputs, the same one the tests' tiny ONNX
graphs compute, so a loop can be followed step by step without a network.
Noise comes from CineForge's seeded generator (SplitMix64 bits, Marsaglia's polar method, an
arithmetic-only ln), reproduced here bit for bit, so the C# pipeline and this script draw the
same numbers from the same seed.
"""
import json
import math
import struct
import sys

MASK = (1 << 64) - 1


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


# ---------------------------------------------------------------- CineForge's seeded noise
class Noise:
    LN2 = 0.6931471805599453
    SQRT2 = 1.4142135623730951

    def __init__(self, seed):
        self.state = seed & MASK
        self.spare = None

    def bits(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.bits() >> 11) * (1.0 / 9007199254740992.0)

    @staticmethod
    def log(x):
        m, e = math.frexp(x)  # x = m * 2^e, m in [0.5, 1)
        m, e = m * 2.0, e - 1  # m in [1, 2)
        if m > Noise.SQRT2:
            m /= 2
            e += 1
        z = (m - 1) / (m + 1)
        z2 = z * z
        s = 0.0
        for k in range(39, 0, -2):
            s = s * z2 + 1.0 / k
        return e * Noise.LN2 + 2 * z * s

    def gaussian(self):
        if self.spare is not None:
            v, self.spare = self.spare, None
            return v
        while True:
            a = 2 * self.uniform() - 1
            b = 2 * self.uniform() - 1
            s = a * a + b * b
            if 0 < s < 1:
                f = math.sqrt(-2 * Noise.log(s) / s)
                self.spare = f32(b * f)
                return f32(a * f)

    def next(self, n):
        return [self.gaussian() for _ in range(n)]


# ---------------------------------------------------------------- training schedule (both schedulers)
def training_sigmas(train_steps=1000, beta_start=0.00085, beta_end=0.012):
    """scaled_linear betas in float32, alphas_cumprod (cumprod in double, stored float32), sigma = sqrt((1-a)/a)."""
    lo, hi = f32(math.sqrt(beta_start)), f32(math.sqrt(beta_end))
    step = f32((hi - lo) / (train_steps - 1))
    half = train_steps // 2
    sigmas, acc = [], 1.0
    for i in range(train_steps):
        root = f32(lo + f32(step * i)) if i < half else f32(hi - f32(step * (train_steps - i - 1)))
        alpha = f32(1.0 - f32(root * root))
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
    w = min(max((lo - log_sigma) / f32(lo - hi), 0.0), 1.0)
    return (1 - w) * low + w * (low + 1)


def karras(sigma_min, sigma_max, steps, rho=7.0):
    ramp = [i / (steps - 1) for i in range(steps)] if steps > 1 else [0.0]
    lo, hi = sigma_min ** (1 / rho), sigma_max ** (1 / rho)
    return [(hi + r * (lo - hi)) ** rho for r in ramp]


# ---------------------------------------------------------------- DPM-Solver++ 2M Karras (SD 1.x / 2.x / XL)
def dpm_schedule(steps):
    train = training_sigmas()
    log_sigmas = [f32(math.log(s)) for s in train]
    sig = karras(train[0], train[-1], steps)
    timesteps = [round(sigma_to_t(s, log_sigmas)) for s in sig]  # int64 in diffusers
    return [f32(s) for s in sig] + [0.0], timesteps


def alpha_sigma(sigma):
    alpha = 1 / math.sqrt(sigma * sigma + 1)
    return alpha, sigma * alpha


def dpm_run(sigmas, begin, x, model, prediction="epsilon", trace=None):
    """DPMSolverMultistepScheduler, dpmsolver++, order 2, karras, lower_order_final, final sigma zero."""
    prev = None
    steps = len(sigmas) - 1
    for i in range(begin, steps):
        out = model(i, x)
        a_s, s_s = alpha_sigma(sigmas[i])
        if prediction == "epsilon":
            x0 = [f32((xv - s_s * o) / a_s) for xv, o in zip(x, out)]
        else:
            x0 = [f32(a_s * xv - s_s * o) for xv, o in zip(x, out)]
        if sigmas[i + 1] == 0:
            nxt = list(x0)
        else:
            a_t, s_t = alpha_sigma(sigmas[i + 1])
            lam = lambda a, s: math.log(a) - math.log(s)
            h = lam(a_t, s_t) - lam(a_s, s_s)
            ratio, gain = s_t / s_s, a_t * (math.exp(-h) - 1.0)
            if prev is None or i == steps - 1:
                nxt = [f32(ratio * xv - gain * d) for xv, d in zip(x, x0)]
            else:
                a_p, s_p = alpha_sigma(sigmas[i - 1])
                r0 = (lam(a_s, s_s) - lam(a_p, s_p)) / h
                nxt = [f32(ratio * xv - gain * d - 0.5 * gain * (1.0 / r0) * (d - p)) for xv, d, p in zip(x, x0, prev)]
        prev = x0
        if trace is not None:
            trace.append({"index": i, "model_output": out, "denoised": x0, "sample": nxt})
        x = nxt
    return x


def guide(u, c, g):
    """noise_pred_uncond + guidance_scale * (noise_pred_text - noise_pred_uncond)."""
    return [f32(a + g * (b - a)) for a, b in zip(u, c)]


def to_bytes(decoded):
    """VaeImageProcessor: (x / 2 + 0.5).clamp(0, 1), then numpy_to_pil's (x * 255).round() (half to even)."""
    return [int(round(min(max(f32(f32(v / 2) + 0.5), 0.0), 1.0) * 255)) for v in decoded]


def sd_section(seed, steps, guidance, vae_scale, size, prediction="epsilon"):
    """txt2img: latents = randn * init_noise_sigma (1 for DPM); scale_model_input is the identity
    for DPM; the UNet sees [uncond, cond] as one batch; guided noise; step; latents / scaling_factor.
    Scripted UNet (as the tiny graph): out[b] = 0.3 * sample + 0.001 * t + cond[b]."""
    c, h, w = 4, size[0] // 8, size[1] // 8
    x = Noise(seed).next(c * h * w)
    start = list(x)
    sigmas, timesteps = dpm_schedule(steps)
    cond = {"uncond": 0.02, "cond": -0.01}
    steps_trace = []

    def model(i, xs):
        t = timesteps[i]
        u = [f32(f32(0.3 * v) + f32(0.001 * t)) + cond["uncond"] for v in xs]
        k = [f32(f32(0.3 * v) + f32(0.001 * t)) + cond["cond"] for v in xs]
        u, k = [f32(v) for v in u], [f32(v) for v in k]
        g = guide(u, k, guidance) if guidance > 1 else k
        steps_trace.append({"timestep": t, "model_input": list(xs), "uncond": u, "cond": k, "guided": g})
        return g

    trace = []
    final = dpm_run(sigmas, 0, x, model, prediction, trace)
    for s, t in zip(steps_trace, trace):
        s["sample_after"] = t["sample"]
    decoder_input = [f32(v / vae_scale) for v in final]
    # The tests' tiny decoder: a 1x1 convolution with every weight 1/256 (the mean of the four
    # channels over 64), each value painted on its 8x8 block; then the byte conversion.
    plane = h * w
    block = [f32(sum(decoder_input[k * plane + i] for k in range(c)) / 256.0) for i in range(plane)]
    return {
        "seed": seed, "steps": steps, "guidance": guidance, "vae_scale": vae_scale, "prediction": prediction,
        "height": size[0], "width": size[1], "latent_shape": [1, c, h, w],
        "cond_offsets": cond, "init_noise_sigma": 1.0,
        "sigmas": sigmas, "timesteps": timesteps, "timestep_dtype": "int64",
        "initial_latents": start, "trace": steps_trace, "final_latents": final,
        "decoder_input": decoder_input, "block_bytes": to_bytes(block),
    }


def img2img_section():
    """StableDiffusionImg2ImgPipeline.get_timesteps: init = min(int(steps * strength), steps),
    t_start = max(steps - init, 0); the encoded latent (latent_dist.sample() * scaling_factor) is
    noised with the DPM scheduler's add_noise at timesteps[t_start]: alpha_t x0 + sigma_t n."""
    steps = 10
    plans = []
    for strength in [0.0, 0.05, 0.3, 0.5, 0.75, 0.99, 1.0]:
        init = min(int(steps * strength), steps)
        plans.append({"strength": strength, "steps_run": init, "begin_index": max(steps - init, 0)})
    sigmas, timesteps = dpm_schedule(steps)
    mean = Noise(21).next(8)
    logvar = [f32(v - 1.0) for v in Noise(22).next(8)]
    draw = Noise(23).next(8)
    encoded = [f32(f32(m + f32(math.exp(0.5 * min(max(lv, -30.0), 20.0))) * d) * 0.18215) for m, lv, d in zip(mean, logvar, draw)]
    noise = Noise(24).next(8)
    begin = 5
    a, s = alpha_sigma(sigmas[begin])
    noised = [f32(a * x0 + s * n) for x0, n in zip(encoded, noise)]
    return {
        "steps": steps, "plans": plans,
        "vae_encode": {"mean": mean, "logvar": logvar, "draw": draw, "scale": 0.18215, "latent": encoded},
        "add_noise": {"begin_index": begin, "timestep": timesteps[begin], "sigma": sigmas[begin], "clean": encoded, "noise": noise, "noised": noised},
    }


def sdxl_section():
    """StableDiffusionXLPipeline._get_add_time_ids: original_size + crops_coords_top_left + target_size
    (height, width order); the negative half uses the same ids; prompt_embeds are the penultimate
    hidden states of both encoders concatenated on the last axis; pooled = text_encoder_2's
    text_embeds; an empty negative prompt is zeros (force_zeros_for_empty_prompt)."""
    h1 = [[0.5, -1.0], [0.25, 2.0]]
    h2 = [[1.0, 2.0, 3.0], [-1.0, -2.0, -3.0]]
    return {
        "time_ids": [{"height": 1024, "width": 768, "ids": [1024.0, 768.0, 0.0, 0.0, 1024.0, 768.0]},
                     {"height": 48, "width": 64, "ids": [48.0, 64.0, 0.0, 0.0, 48.0, 64.0]}],
        "hidden_1": h1, "hidden_2": h2, "concatenated": [a + b for a, b in zip(h1, h2)],
        "vae_scale": 0.13025,
        "txt2img": sd_section(5, 4, 5.0, 0.13025, (48, 64)),
    }


# ---------------------------------------------------------------- EulerDiscrete, Karras, v-prediction (SVD)
SVD_CONFIG = {"num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
              "prediction_type": "v_prediction", "use_karras_sigmas": True, "sigma_min": 0.002, "sigma_max": 700.0,
              "timestep_spacing": "leading", "timestep_type": "continuous", "interpolation_type": "linear", "steps_offset": 1}


def euler_schedule(steps, sigma_min=0.002, sigma_max=700.0):
    """set_timesteps with use_karras_sigmas and the config's sigma_min/sigma_max; sigmas in float32;
    continuous v-prediction timesteps are 0.25 * ln(sigma) in float32; a final sigma of zero."""
    sig = [f32(s) for s in karras(sigma_min, sigma_max, steps)]
    timesteps = [f32(0.25 * math.log(s)) for s in sig]
    return sig + [0.0], timesteps


def init_noise_sigma(sigmas, spacing="leading"):
    m = max(sigmas)
    return m if spacing in ("linspace", "trailing") else f32(math.sqrt(m * m + 1))


def euler_step(out, x, sigma, sigma_next):
    """v-prediction: x0 = out * (-sigma / sqrt(sigma^2 + 1)) + x / (sigma^2 + 1); d = (x - x0) / sigma;
    x + d * (sigma_next - sigma) (s_churn = 0, so sigma_hat = sigma)."""
    c_out = -sigma / math.sqrt(sigma * sigma + 1)
    c_skip = 1 / (sigma * sigma + 1)
    x0 = [f32(o * c_out + xv * c_skip) for o, xv in zip(out, x)]
    return [f32(xv + ((xv - d) / sigma) * (sigma_next - sigma)) for xv, d in zip(x, x0)], x0


def linspace32(a, b, n):
    if n == 1:
        return [f32(a)]
    step = (b - a) / (n - 1)
    half = n // 2
    return [f32(a + step * i) if i < half else f32(b - step * (n - 1 - i)) for i in range(n)]


def svd_unet(frames_in, image_latent, emb_mean, ids, t, c, plane):
    """The tiny SVD UNet: for each frame, out = 0.5 * x + 0.25 * cond_latent + 0.01 * t
    + 0.001 * sum(added_time_ids) + mean(image_embeds)."""
    bias = f32(f32(f32(0.01 * t) + f32(0.001 * f32(sum(ids)))) + emb_mean)
    out = []
    for f in range(len(frames_in) // (c * plane)):
        for i in range(c * plane):
            v = frames_in[f * c * plane + i]
            out.append(f32(f32(f32(0.5 * v) + f32(0.25 * image_latent[i])) + bias))
    return out


def svd_section(steps, frames, fps, motion, aug, min_g, max_g, chunk, seed):
    c, h, w = 4, 2, 3
    plane = h * w
    pixels = 3 * (8 * h) * (8 * w)
    rng = Noise(seed)
    aug_noise = rng.next(pixels)
    latents0 = rng.next(frames * c * plane)
    # The conditioning image's bytes: (37 y + 11 x + 71 c) mod 256, to [-1, 1] as the pipeline does.
    rgb = [[[(37 * y + 11 * x + 71 * ch) % 256 for ch in range(3)] for x in range(8 * w)] for y in range(8 * h)]
    image = [f32(f32(f32(rgb[y][x][ch] / 255.0) * 2.0) - 1.0) for ch in range(3) for y in range(8 * h) for x in range(8 * w)]
    augmented = [f32(p + f32(aug * n)) for p, n in zip(image, aug_noise)]
    # The tiny VAE encoder's mode: per latent channel k, the mean of the augmented image over the
    # 8x8 block times (k + 1) / 4 (no scaling factor: SVD feeds latent_dist.mode() unscaled).
    image_latent = []
    for k in range(c):
        for y in range(h):
            for x in range(w):
                acc = 0.0
                for ch in range(3):
                    for dy in range(8):
                        for dx in range(8):
                            acc += augmented[ch * 64 * plane + (8 * y + dy) * 8 * w + 8 * x + dx]
                image_latent.append(f32(acc / 192.0 * (k + 1) / 4))
    emb_mean = 0.125
    sigmas, timesteps = euler_schedule(steps)
    ins = init_noise_sigma(sigmas[:-1])
    x = [f32(v * ins) for v in latents0]
    ramp = linspace32(min_g, max_g, frames)
    ids = [float(fps - 1), float(motion), f32(aug)]
    trace = []
    zero = [0.0] * (c * plane)
    for i, t in enumerate(timesteps):
        s = sigmas[i]
        scale = math.sqrt(s * s + 1)
        scaled = [f32(v / scale) for v in x]
        u = svd_unet(scaled, zero, 0.0, ids, t, c, plane)
        k = svd_unet(scaled, image_latent, emb_mean, ids, t, c, plane)
        g = [f32(u[j] + ramp[j // (c * plane)] * f32(k[j] - u[j])) for j in range(len(x))]
        x, x0 = euler_step(g, x, s, sigmas[i + 1])
        trace.append({"timestep": t, "sigma": s, "model_input": scaled, "guided": g, "denoised": x0, "sample_after": x})
    decoder_input = [f32(v / 0.18215) for v in x]
    # The tests' tiny temporal decoder: as the image decoder above (mean of four channels over 64 per 8x8 block).
    frame_bytes = [to_bytes([f32(sum(decoder_input[f * c * plane + k * plane + i] for k in range(c)) / 256.0) for i in range(plane)]) for f in range(frames)]
    chunks = [[i, min(i + chunk, frames)] for i in range(0, frames, chunk)]
    return {
        "seed": seed, "steps": steps, "frames": frames, "fps": fps, "motion_bucket_id": motion, "noise_aug_strength": aug,
        "min_guidance_scale": min_g, "max_guidance_scale": max_g, "decode_chunk_size": chunk,
        "latent_shape": [1, frames, c, h, w], "height": 8 * h, "width": 8 * w, "image_embeds_mean": emb_mean,
        "sigmas": sigmas, "timesteps": timesteps, "timestep_dtype": "float32", "init_noise_sigma": ins,
        "guidance_ramp": ramp, "added_time_ids": [ids, ids], "image": image, "augmented_image": augmented,
        "image_latent": image_latent, "initial_noise": latents0, "initial_latents": [f32(v * ins) for v in latents0],
        "trace": trace, "final_latents": x, "decoder_input": decoder_input, "frame_block_bytes": frame_bytes, "decode_chunks": chunks,
    }


def main():
    data = {
        "about": "Expected tensors from diffusers' formulas; written by tools/diffusers_reference.py. Do not edit by hand.",
        "noise": {"seed": 1234, "values": Noise(1234).next(16), "negative_seed": -7, "negative_values": Noise(-7).next(4)},
        "dpm": {str(n): dict(zip(("sigmas", "timesteps"), dpm_schedule(n))) for n in (1, 4, 25)},
        "sd": sd_section(42, 4, 7.5, 0.18215, (48, 64)),
        "sd_unguided": sd_section(43, 3, 1.0, 0.18215, (16, 16)),
        "sd_v": sd_section(44, 5, 7.5, 0.18215, (16, 24), "v_prediction"),
        "bytes": {"decoded": [-1.5, -1.0, -0.5, 0.0, 0.5, 0.99, 1.0, 2.0, -0.003921568, 0.003921568],
                  "bytes": to_bytes([-1.5, -1.0, -0.5, 0.0, 0.5, 0.99, 1.0, 2.0, -0.003921568, 0.003921568])},
        "img2img": img2img_section(),
        "sdxl": sdxl_section(),
        "svd_config": SVD_CONFIG,
        "euler": {str(n): dict(zip(("sigmas", "timesteps"), euler_schedule(n))) for n in (1, 5, 25)},
        "euler_init_noise_sigma": init_noise_sigma(euler_schedule(25)[0][:-1]),
        "svd_ramp": {"14": linspace32(1.0, 3.0, 14), "25": linspace32(1.0, 3.0, 25), "3": linspace32(1.0, 2.5, 3)},
        "svd": svd_section(4, 5, 7, 127, 0.02, 1.0, 3.0, 2, 99),
    }
    json.dump(data, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
