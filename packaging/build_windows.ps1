# Build SafeDesk on Windows: a venv, the dependencies, the PyInstaller bundle, its smoke
# test, and (when Inno Setup 6 is installed) the installer dist\SafeDesk-<version>-setup.exe.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 [-NoSmoke] [-Python py]
#
# Written for Windows 10/11 and the GitHub windows runner (.github/workflows/windows.yml);
# not run on the machine where it was written (see docs/packaging.md).
param(
    [switch]$NoSmoke,
    [string]$Python = "py"
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    if ($Python -eq "py") { Invoke-Checked "py" @("-3.11", "-m", "venv", ".venv") }
    else { Invoke-Checked $Python @("-m", "venv", ".venv") }
}
$venv = ".venv\Scripts\python.exe"
Invoke-Checked $venv @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $venv @("-m", "pip", "install", "-q", "-e", ".", "pyinstaller>=6.10,<7")

$buildArgs = @("packaging\build.py")
if (-not $NoSmoke) { $buildArgs += "--smoke" }
Invoke-Checked $venv $buildArgs
