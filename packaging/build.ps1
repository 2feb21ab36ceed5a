# Build the app on Windows with the same spec as on Linux (packaging\disclosure-desk.spec):
#   dist\disclosure-desk\disclosure-desk.exe      the app, windowed (no console window)
#   dist\disclosure-desk\disclosure-desk-cli.exe  the same program with a console: check, pdf, import, …
# then dist\disclosure-desk-<version>-windows.zip (the folder, to unzip and run anywhere) and, when
# Inno Setup 6 is installed, dist\DisclosureDesk-Setup-<version>.exe (packaging\windows\installer.iss).
# Needs Python 3.11+ from python.org (the "py" launcher). docs/packaging.md describes the steps.
$ErrorActionPreference = "Stop"
$repo = Split-Path -Parent (Split-Path -Parent $MyInvocation.MyCommand.Path)
$venv = Join-Path $repo ".venv"
if (-not (Test-Path (Join-Path $venv "Scripts\python.exe"))) { py -3 -m venv $venv }
$py = Join-Path $venv "Scripts\python.exe"
& $py -m pip install -q -e "$repo[build]"
if ($LASTEXITCODE) { exit $LASTEXITCODE }
Set-Location $repo
& $py -m PyInstaller --noconfirm --clean packaging\disclosure-desk.spec
if ($LASTEXITCODE) { exit $LASTEXITCODE }

$version = (Select-String -Path pyproject.toml -Pattern '^version\s*=\s*"([^"]+)"').Matches[0].Groups[1].Value
& dist\disclosure-desk\disclosure-desk-cli.exe --version
if ($LASTEXITCODE) { exit $LASTEXITCODE }
$zip = "dist\disclosure-desk-$version-windows.zip"
Compress-Archive -Path dist\disclosure-desk -DestinationPath $zip -Force
Write-Host "built: dist\disclosure-desk\ and $zip"

$iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
          "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if ($iscc) {
    & $iscc "/DAppVersion=$version" packaging\windows\installer.iss
    if ($LASTEXITCODE) { exit $LASTEXITCODE }
} else {
    Write-Host "Inno Setup 6 is not installed: no installer made (https://jrsoftware.org/isinfo.php)."
}
