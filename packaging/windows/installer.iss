; Inno Setup 6 script (UTF-8 with a byte-order mark, as Inno Setup requires for Chinese text): turns dist\disclosure-desk\ (built by packaging\build.ps1) into one installer,
; dist\DisclosureDesk-Setup-<version>.exe. What it adds to the one-folder build:
;   - a per-user install into %LOCALAPPDATA%\Programs\DisclosureDesk (no administrator rights on an
;     office PC), a Start-menu entry, an optional desktop icon, an entry in 设置 → 应用 to uninstall;
;   - an installer and uninstaller in Chinese when Inno Setup has its ChineseSimplified.isl;
;   - uninstalling removes the program only: the clerk's drafts, backups and logs live in
;     %LOCALAPPDATA%\DisclosureDesk (platformdirs), outside the program folder, and stay.
; Build (packaging\build.ps1 does it, with the version read from pyproject.toml):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=<version> packaging\windows\installer.iss

#ifndef AppVersion
  #error Give the version from pyproject.toml: ISCC /DAppVersion=<version> (packaging\build.ps1 does)
#endif

[Setup]
AppId={{6F1C2E4B-5A7D-4E0B-9C3A-2D8E1F4B7A60}
AppName=政府信息公开年度报告助手 Disclosure Desk
AppVersion={#AppVersion}
AppPublisher=Disclosure Desk
DefaultDirName={localappdata}\Programs\DisclosureDesk
DefaultGroupName=Disclosure Desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=DisclosureDesk-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\disclosure-desk.ico
UninstallDisplayIcon={app}\disclosure-desk.exe
CloseApplications=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
; This Inno Setup has no Chinese (Simplified) translation: for Chinese installer pages, put
; ChineseSimplified.isl (https://jrsoftware.org/files/istrans/) into its Languages folder.
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "创建桌面快捷方式"; GroupDescription: "附加图标："

[Files]
Source: "..\..\dist\disclosure-desk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[InstallDelete]
; an update replaces the whole program folder, so no file of the previous version is left behind
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\政府信息公开年度报告助手"; Filename: "{app}\disclosure-desk.exe"
Name: "{group}\卸载"; Filename: "{uninstallexe}"
Name: "{autodesktop}\政府信息公开年度报告助手"; Filename: "{app}\disclosure-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\disclosure-desk.exe"; Description: "立即运行"; Flags: nowait postinstall skipifsilent
