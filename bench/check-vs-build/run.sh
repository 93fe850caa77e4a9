#!/usr/bin/env bash
# `cineforge check` on the cosmetic-ad example, cold (empty compile cache) and warm (cached),
# against `dotnet build` of an equivalent one-file project (the same film as Program.cs,
# referencing the same SDK build and analyzers), timed in the same run. Prints a markdown table
# of medians and the ratios to the build. Usage: bench/check-vs-build/run.sh [runs]
set -euo pipefail

runs="${1:-7}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
film="$root/examples/cosmetic-ad/film.csx"
cli="$root/artifacts/cli"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The command as users run it (Release, through the launcher's build).
"$root/cineforge" --help >/dev/null

# The equivalent one-file project: the same film as top-level statements, the same SDK and analyzers.
project="$work/film"
mkdir -p "$project"
{
  echo '<Project Sdk="Microsoft.NET.Sdk">'
  echo '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>'
  echo '  <ItemGroup>'
  echo "    <Reference Include=\"CineForge.Sdk\"><HintPath>$cli/CineForge.Sdk.dll</HintPath></Reference>"
  echo "    <Reference Include=\"CineForge.Rules\"><HintPath>$cli/CineForge.Rules.dll</HintPath></Reference>"
  if [ -f "$cli/CineForge.Analyzers.dll" ]; then
    echo "    <Analyzer Include=\"$cli/CineForge.Analyzers.dll\" />"
  fi
  echo '  </ItemGroup>'
  echo '</Project>'
} >"$project/film.csproj"
sed -e '/^#r /d' -e 's/^return Film\.Titled(/var film = Film.Titled(/' "$film" >"$project/Program.cs"
echo 'return Films.Run(film);' >>"$project/Program.cs"
dotnet restore "$project/film.csproj" -nologo -v quiet >/dev/null
dotnet build "$project/film.csproj" --no-restore -nologo -v quiet >/dev/null   # warms the compiler server

now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
time_ms() { local start end; start=$(now); "$@" >/dev/null 2>&1 || true; end=$(now); echo $(( (end - start) / 1000000 )); }

build_times=(); cold_times=(); warm_times=()
warm_cache="$work/warm-cache"
CINEFORGE_CACHE="$warm_cache" dotnet "$cli/cineforge.dll" check --no-progress "$film" >/dev/null
for _ in $(seq "$runs"); do
  touch "$project/Program.cs"
  build_times+=("$(time_ms dotnet build "$project/film.csproj" --no-restore -nologo -v quiet)")
  cold_cache="$(mktemp -d -p "$work")"
  cold_times+=("$(CINEFORGE_CACHE="$cold_cache" time_ms dotnet "$cli/cineforge.dll" check --no-progress "$film")")
  warm_times+=("$(CINEFORGE_CACHE="$warm_cache" time_ms dotnet "$cli/cineforge.dll" check --no-progress "$film")")
done

build=$(printf '%s\n' "${build_times[@]}" | median)
cold=$(printf '%s\n' "${cold_times[@]}" | median)
warm=$(printf '%s\n' "${warm_times[@]}" | median)
analyzers=$([ -f "$cli/CineForge.Analyzers.dll" ] && echo "with the CineForge analyzers" || echo "no analyzer assembly in this build")

echo "cosmetic-ad, median of $runs runs, $analyzers, $(nproc) cores"
echo
echo "| Command | Median (ms) | Ratio to dotnet build |"
echo "|---|---:|---:|"
echo "| dotnet build (one-file project, compiler server warm) | $build | 1.00 |"
awk -v c="$cold" -v b="$build" 'BEGIN { printf "| cineforge check, cold (empty compile cache) | %d | %.2f |\n", c, c / b }'
awk -v w="$warm" -v b="$build" 'BEGIN { printf "| cineforge check, warm (compile cache hit) | %d | %.2f |\n", w, w / b }'
