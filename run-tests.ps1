# Run the Disclosure Desk test suite on Windows (sets itself up on first run). Extra arguments go to pytest.
. (Join-Path $PSScriptRoot "scripts\bootstrap.ps1")
Ensure-Venv "test"
Set-Location $repo
$env:QT_QPA_PLATFORM = "offscreen"
& $py -m pytest @args
exit $LASTEXITCODE
