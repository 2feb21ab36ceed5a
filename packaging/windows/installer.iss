; Inno Setup script: turns dist\disclosure-desk\ (built by packaging\build.ps1) into one installer
; DisclosureDesk-Setup-<version>.exe. Per-user install (no administrator rights on an office PC),
; a Start-menu entry and an optional desktop icon; uninstalling keeps the clerk's drafts, which
; live in %LOCALAPPDATA%\DisclosureDesk, not in the program folder.
; Build: "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\installer.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1C2E4B-5A7D-4E0B-9C3A-2D8E1F4B7A60}
AppName=政府信息公开年度报告助手 Disclosure Desk
AppVersion={#AppVersion}
AppPublisher=Disclosure Desk
DefaultDirName={localappdata}\Programs\DisclosureDesk
DefaultGroupName=Disclosure Desk
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=DisclosureDesk-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\disclosure-desk.ico
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "创建桌面快捷方式"; GroupDescription: "附加图标："

[Files]
Source: "..\..\dist\disclosure-desk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\政府信息公开年度报告助手"; Filename: "{app}\disclosure-desk.exe"
Name: "{group}\卸载"; Filename: "{uninstallexe}"
Name: "{autodesktop}\政府信息公开年度报告助手"; Filename: "{app}\disclosure-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\disclosure-desk.exe"; Description: "立即运行"; Flags: nowait postinstall skipifsilent
