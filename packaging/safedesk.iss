; Inno Setup 6 script: the SafeDesk installer (per user, no administrator rights).
;
; Built by packaging/build.py on Windows (or by hand):
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\dist\safedesk /O..\dist packaging\safedesk.iss
; from the one-folder bundle that packaging/safedesk.spec makes. See docs/packaging.md.
; Written for Inno Setup 6.3+; not compiled yet (no Windows machine where it was written).
;
; The program goes to %LOCALAPPDATA%\Programs\SafeDesk. The user's data — the database,
; automatic backups, settings and logs — lives in %LOCALAPPDATA%\SafeDesk (safedesk/paths.py),
; which this installer never writes and the uninstaller never deletes.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\safedesk"
#endif
#define AppName "SafeDesk"
#define GuiExe "safedesk-gui.exe"

[Setup]
; The AppId is the product's identity for upgrades and the uninstaller: never change it.
AppId={{6F3B8E52-4C1D-4E8A-9B27-5D0A7C41E9F3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
; Per user: no UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
CloseApplications=yes
; Setup asks for its language, guessing from Windows' display language.
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
UsePreviousLanguage=yes
; Kazakh.isl translates the pages SafeDesk's setup shows; the rest falls back to English.
MissingMessagesWarning=no

[Languages]
Name: "kk"; MessagesFile: "Kazakh.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
kk.DataKept=Дерекқор, сақтық көшірмелер мен баптаулар сақталды:%n%1%n%nОлар енді керек болмаса, бұл қалтаны қолмен жойыңыз.
ru.DataKept=База данных, резервные копии и настройки сохранены:%n%1%n%nЕсли они больше не нужны, удалите эту папку вручную.
en.DataKept=Your database, backups and settings were kept:%n%1%n%nDelete that folder by hand if you no longer need them.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\docs\guide\*"; DestDir: "{app}\guide"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program's own folder (anything the program may have left in it).
; The user data folder %LOCALAPPDATA%\SafeDesk is deliberately not listed.
Type: filesandordirs; Name: "{app}\_internal"
Type: filesandordirs; Name: "{app}\guide"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\{#AppName}');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
