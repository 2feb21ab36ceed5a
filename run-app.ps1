# Start Disclosure Desk on Windows (sets itself up on first run). Extra arguments go to disclosure-desk.
. (Join-Path $PSScriptRoot "scripts\bootstrap.ps1")
Ensure-Venv "app"
& (Join-Path $venv "Scripts\disclosure-desk.exe") @args
exit $LASTEXITCODE
