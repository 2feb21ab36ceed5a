# Windows twin of bootstrap.sh: a virtual environment in .venv with the project installed, redone
# only when pyproject.toml changed. Dot-sourced by run-app.ps1 and run-tests.ps1.
$ErrorActionPreference = "Stop"
$repo = Split-Path -Parent $PSScriptRoot
$venv = Join-Path $repo ".venv"
$py = Join-Path $venv "Scripts\python.exe"

function Ensure-Venv([string]$extras) {
    if (-not (Test-Path $py)) { py -3 -m venv $venv }
    $stamp = Join-Path $venv ".installed-$extras"
    $want = (Get-FileHash (Join-Path $repo "pyproject.toml")).Hash + (Get-FileHash (Join-Path $repo "constraints.txt")).Hash
    if (-not (Test-Path $stamp) -or (Get-Content $stamp) -ne $want) {
        & $py -m pip install -q --upgrade pip
        & $py -m pip install -q -c (Join-Path $repo "constraints.txt") -e "$repo[$extras]"
        Set-Content $stamp $want
    }
}
