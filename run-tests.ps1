# Run the Disclosure Desk test suite on Windows (sets itself up on first run).
$ErrorActionPreference = "Stop"
$repo = Split-Path -Parent $MyInvocation.MyCommand.Path
$venv = Join-Path $repo ".venv"
if (-not (Test-Path (Join-Path $venv "Scripts\python.exe"))) { py -3 -m venv $venv }
$py = Join-Path $venv "Scripts\python.exe"
$stamp = Join-Path $venv ".installed-test"
$want = (Get-FileHash (Join-Path $repo "pyproject.toml")).Hash
if (-not (Test-Path $stamp) -or (Get-Content $stamp) -ne $want) {
    & $py -m pip install -q --upgrade pip
    & $py -m pip install -q -e "$repo[test]"
    Set-Content $stamp $want
}
Set-Location $repo
$env:QT_QPA_PLATFORM = "offscreen"
& $py -m pytest @args
exit $LASTEXITCODE
