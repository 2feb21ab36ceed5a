# Build the one-folder app on Windows: dist\disclosure-desk\disclosure-desk.exe (windowed) and
# disclosure-desk-cli.exe (console). Then packaging\windows\installer.iss makes an installer.
$ErrorActionPreference = "Stop"
$repo = Split-Path -Parent (Split-Path -Parent $MyInvocation.MyCommand.Path)
$venv = Join-Path $repo ".venv"
if (-not (Test-Path (Join-Path $venv "Scripts\python.exe"))) { py -3 -m venv $venv }
$py = Join-Path $venv "Scripts\python.exe"
& $py -m pip install -q -e "$repo[build]"
Set-Location $repo
& $py -m PyInstaller --noconfirm --clean packaging\disclosure-desk.spec
