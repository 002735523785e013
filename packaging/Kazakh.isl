; *** Inno Setup 6 — Kazakh (Қазақша) messages for the SafeDesk installer ***
;
; Written for SafeDesk (packaging/safedesk.iss): Inno Setup ships no official Kazakh file.
; It holds the messages a per-user install and uninstall show: the wizard pages, buttons,
; the usual errors and the uninstaller. A message not defined here (password, licence,
; components, disk change, download and registry pages, which SafeDesk does not use) is
; taken in English from Default.isl; safedesk.iss sets MissingMessagesWarning=no for that.
; Saved as UTF-8 with a byte order mark, as Inno Setup 6 needs for non-ANSI text.

[LangOptions]
LanguageName=Қазақша
LanguageID=$043F
LanguageCodePage=1251

[Messages]

; *** Application titles
SetupAppTitle=Орнату
SetupWindowTitle=Орнату — %1
UninstallAppTitle=Жою
UninstallAppFullTitle=%1 жою

; *** Misc. common
InformationTitle=Ақпарат
ConfirmTitle=Растау
ErrorTitle=Қате

; *** SetupLdr messages
SetupLdrStartupMessage=%1 орнатылады. Жалғастырасыз ба?
LdrCannotCreateTemp=Уақытша файл жасалмады. Орнату тоқтатылды
LdrCannotExecTemp=Уақытша қалтадағы файл іске қосылмады. Орнату тоқтатылды

; *** Startup error messages
LastErrorMessage=%1.%n%nҚате %2: %3
SetupFileMissing=Орнату қалтасында %1 файлы жоқ. Мәселені түзетіңіз немесе бағдарламаның жаңа көшірмесін алыңыз.
SetupFileCorrupt=Орнату файлдары бүлінген. Бағдарламаның жаңа көшірмесін алыңыз.
SetupFileCorruptOrWrongVer=Орнату файлдары бүлінген немесе орнату бағдарламасының осы нұсқасымен үйлеспейді. Мәселені түзетіңіз немесе бағдарламаның жаңа көшірмесін алыңыз.
InvalidParameter=Пәрмен жолында жарамсыз параметр берілді:%n%n%1
SetupAlreadyRunning=Орнату бағдарламасы қазір іске қосылып тұр.
WindowsVersionNotSupported=Бұл бағдарлама компьютеріңіздегі Windows нұсқасын қолдамайды.
WindowsServicePackRequired=Бұл бағдарламаға %1 Service Pack %2 немесе жаңасы қажет.
NotOnThisPlatform=Бұл бағдарлама %1 жүйесінде жұмыс істемейді.
OnlyOnThisPlatform=Бұл бағдарламаны %1 жүйесінде іске қосу керек.
OnlyOnTheseArchitectures=Бұл бағдарламаны тек мына процессор архитектураларына арналған Windows нұсқаларына орнатуға болады:%n%n%1
WinVersionTooLowError=Бұл бағдарламаға %1 %2 нұсқасы немесе жаңасы қажет.
WinVersionTooHighError=Бұл бағдарламаны %1 %2 немесе жаңа нұсқасына орнату мүмкін емес.
AdminPrivilegesRequired=Бұл бағдарламаны орнату үшін әкімші ретінде кіру керек.
PowerUserPrivilegesRequired=Бұл бағдарламаны орнату үшін әкімші немесе «Power Users» тобының мүшесі ретінде кіру керек.
SetupAppRunningError=Орнату бағдарламасы %1 қазір жұмыс істеп тұрғанын анықтады.%n%nОның барлық даналарын қазір жабыңыз, содан кейін жалғастыру үшін OK, шығу үшін «Бас тарту» батырмасын басыңыз.
UninstallAppRunningError=Жою бағдарламасы %1 қазір жұмыс істеп тұрғанын анықтады.%n%nОның барлық даналарын қазір жабыңыз, содан кейін жалғастыру үшін OK, шығу үшін «Бас тарту» батырмасын басыңыз.

; *** Startup questions
PrivilegesRequiredOverrideTitle=Орнату режимін таңдау
PrivilegesRequiredOverrideInstruction=Орнату режимін таңдаңыз
PrivilegesRequiredOverrideText1=%1 барлық пайдаланушыларға (әкімші құқықтары қажет) немесе тек сізге орнатылуы мүмкін.
PrivilegesRequiredOverrideText2=%1 тек сізге немесе барлық пайдаланушыларға (әкімші құқықтары қажет) орнатылуы мүмкін.
PrivilegesRequiredOverrideAllUsers=&Барлық пайдаланушыларға орнату
PrivilegesRequiredOverrideAllUsersRecommended=&Барлық пайдаланушыларға орнату (ұсынылады)
PrivilegesRequiredOverrideCurrentUser=&Тек маған орнату
PrivilegesRequiredOverrideCurrentUserRecommended=&Тек маған орнату (ұсынылады)

; *** Misc. errors
ErrorCreatingDir=Орнату бағдарламасы «%1» қалтасын жасай алмады
ErrorTooManyFilesInDir=«%1» қалтасында файлдар тым көп болғандықтан, онда файл жасау мүмкін емес

; *** Setup common messages
ExitSetupTitle=Орнатудан шығу
ExitSetupMessage=Орнату аяқталған жоқ. Қазір шықсаңыз, бағдарлама орнатылмайды.%n%nОрнатуды аяқтау үшін орнату бағдарламасын кейін қайта іске қосуға болады.%n%nОрнатудан шығасыз ба?
AboutSetupMenuItem=&Орнату туралы...
AboutSetupTitle=Орнату туралы
AboutSetupMessage=%1 %2%n%3%n%n%1 басты беті:%n%4
AboutSetupNote=
TranslatorNote=

; *** Buttons
ButtonBack=< &Артқа
ButtonNext=&Келесі >
ButtonInstall=&Орнату
ButtonOK=OK
ButtonCancel=Бас тарту
ButtonYes=&Иә
ButtonYesToAll=&Барлығына иә
ButtonNo=&Жоқ
ButtonNoToAll=Б&арлығына жоқ
ButtonFinish=&Аяқтау
ButtonBrowse=&Шолу...
ButtonWizardBrowse=Ш&олу...
ButtonNewFolder=&Жаңа қалта жасау

; *** "Select Language" dialog messages
SelectLanguageTitle=Орнату тілін таңдау
SelectLanguageLabel=Орнату кезінде қолданылатын тілді таңдаңыз.

; *** Common wizard text
ClickNext=Жалғастыру үшін «Келесі», орнатудан шығу үшін «Бас тарту» батырмасын басыңыз.
BeveledLabel=
BrowseDialogTitle=Қалтаны шолу
BrowseDialogLabel=Төмендегі тізімнен қалтаны таңдап, OK батырмасын басыңыз.
NewFolderName=Жаңа қалта

; *** "Welcome" wizard page
WelcomeLabel1=[name] орнату шеберіне қош келдіңіз
WelcomeLabel2=Компьютеріңізге [name/ver] орнатылады.%n%nЖалғастырмас бұрын басқа барлық қолданбаларды жабу ұсынылады.

; *** "Select Destination Location" wizard page
WizardSelectDir=Орнату орнын таңдау
SelectDirDesc=[name] қайда орнатылсын?
SelectDirLabel3=Орнату бағдарламасы [name] бағдарламасын мына қалтаға орнатады.
SelectDirBrowseLabel=Жалғастыру үшін «Келесі» батырмасын басыңыз. Басқа қалта таңдағыңыз келсе, «Шолу» батырмасын басыңыз.
DiskSpaceGBLabel=Кемінде [gb] ГБ бос диск орны қажет.
DiskSpaceMBLabel=Кемінде [mb] МБ бос диск орны қажет.
CannotInstallToNetworkDrive=Орнату бағдарламасы желілік дискіге орната алмайды.
CannotInstallToUNCPath=Орнату бағдарламасы UNC жолына орната алмайды.
InvalidPath=Диск әрпі бар толық жолды енгізу керек, мысалы:%n%nC:\App%n%nнемесе мына түрдегі UNC жолын:%n%n\\server\share
InvalidDrive=Сіз таңдаған диск немесе UNC ортақ ресурсы жоқ не оған қол жеткізу мүмкін емес. Басқасын таңдаңыз.
DiskSpaceWarningTitle=Диск орны жеткіліксіз
DiskSpaceWarning=Орнату үшін кемінде %1 КБ бос орын қажет, ал таңдалған дискіде тек %2 КБ бар.%n%nСонда да жалғастырасыз ба?
DirNameTooLong=Қалта атауы немесе жол тым ұзын.
InvalidDirName=Қалта атауы жарамсыз.
BadDirName32=Қалта атауында мына таңбалардың ешқайсысы болмауы керек:%n%n%1
DirExistsTitle=Қалта бар
DirExists=Мына қалта:%n%n%1%n%nбұрыннан бар. Сонда да осы қалтаға орнатасыз ба?
DirDoesntExistTitle=Қалта жоқ
DirDoesntExist=Мына қалта:%n%n%1%n%nжоқ. Қалта жасалсын ба?

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Қосымша тапсырмаларды таңдау
SelectTasksDesc=Қандай қосымша тапсырмалар орындалсын?
SelectTasksLabel2=[name] орнату кезінде орнату бағдарламасы орындайтын қосымша тапсырмаларды таңдап, «Келесі» батырмасын басыңыз.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=Бастау мәзірінің қалтасын таңдау
SelectStartMenuFolderDesc=Орнату бағдарламасы бағдарлама жарлықтарын қайда орналастырсын?
SelectStartMenuFolderLabel3=Орнату бағдарламасы бағдарлама жарлықтарын Бастау мәзірінің мына қалтасында жасайды.
SelectStartMenuFolderBrowseLabel=Жалғастыру үшін «Келесі» батырмасын басыңыз. Басқа қалта таңдағыңыз келсе, «Шолу» батырмасын басыңыз.
MustEnterGroupName=Қалта атауын енгізу керек.
GroupNameTooLong=Қалта атауы немесе жол тым ұзын.
InvalidGroupName=Қалта атауы жарамсыз.
BadGroupName=Қалта атауында мына таңбалардың ешқайсысы болмауы керек:%n%n%1
NoProgramGroupCheck2=Бастау мәзірінде қалта &жасамау

; *** "Ready to Install" wizard page
WizardReady=Орнатуға дайын
ReadyLabel1=Орнату бағдарламасы [name] бағдарламасын компьютеріңізге орнатуды бастауға дайын.
ReadyLabel2a=Орнатуды жалғастыру үшін «Орнату», баптауларды қарау не өзгерту үшін «Артқа» батырмасын басыңыз.
ReadyLabel2b=Орнатуды жалғастыру үшін «Орнату» батырмасын басыңыз.
ReadyMemoUserInfo=Пайдаланушы туралы ақпарат:
ReadyMemoDir=Орнату орны:
ReadyMemoType=Орнату түрі:
ReadyMemoComponents=Таңдалған құрамдастар:
ReadyMemoGroup=Бастау мәзірінің қалтасы:
ReadyMemoTasks=Қосымша тапсырмалар:

; *** "Preparing to Install" wizard page
WizardPreparing=Орнатуға дайындық
PreparingDesc=Орнату бағдарламасы [name] бағдарламасын компьютеріңізге орнатуға дайындалуда.
PreviousInstallNotCompleted=Алдыңғы бағдарламаны орнату немесе жою аяқталмаған. Оны аяқтау үшін компьютерді қайта іске қосу керек.%n%nКомпьютерді қайта іске қосқаннан кейін [name] орнатуды аяқтау үшін орнату бағдарламасын қайта іске қосыңыз.
CannotContinue=Орнатуды жалғастыру мүмкін емес. Шығу үшін «Бас тарту» батырмасын басыңыз.
ApplicationsFound=Орнату бағдарламасы жаңартуы тиіс файлдарды мына қолданбалар пайдаланып отыр. Орнату бағдарламасына бұл қолданбаларды автоматты түрде жабуға рұқсат беру ұсынылады.
ApplicationsFound2=Орнату бағдарламасы жаңартуы тиіс файлдарды мына қолданбалар пайдаланып отыр. Орнату бағдарламасына бұл қолданбаларды автоматты түрде жабуға рұқсат беру ұсынылады. Орнату аяқталғаннан кейін орнату бағдарламасы қолданбаларды қайта іске қосуға тырысады.
CloseApplications=Қолданбаларды &автоматты түрде жабу
DontCloseApplications=Қолданбаларды &жаппау
ErrorCloseApplications=Орнату бағдарламасы барлық қолданбаларды автоматты түрде жаба алмады. Жалғастырмас бұрын орнату бағдарламасы жаңартуы тиіс файлдарды пайдаланатын барлық қолданбаларды жабу ұсынылады.
PrepareToInstallNeedsRestart=Орнату бағдарламасы компьютеріңізді қайта іске қосуы керек. Компьютерді қайта іске қосқаннан кейін [name] орнатуды аяқтау үшін орнату бағдарламасын қайта іске қосыңыз.%n%nҚазір қайта іске қосасыз ба?

; *** "Installing" wizard page
WizardInstalling=Орнату
InstallingLabel=Орнату бағдарламасы [name] бағдарламасын компьютеріңізге орнатып жатыр, күте тұрыңыз.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=[name] орнату шеберінің жұмысы аяқталуда
FinishedLabelNoIcons=Орнату бағдарламасы [name] бағдарламасын компьютеріңізге орнатып болды.
FinishedLabel=Орнату бағдарламасы [name] бағдарламасын компьютеріңізге орнатып болды. Қолданбаны орнатылған жарлықтар арқылы іске қосуға болады.
ClickFinish=Орнатудан шығу үшін «Аяқтау» батырмасын басыңыз.
FinishedRestartLabel=[name] орнатуды аяқтау үшін орнату бағдарламасы компьютеріңізді қайта іске қосуы керек. Қазір қайта іске қосасыз ба?
FinishedRestartMessage=[name] орнатуды аяқтау үшін орнату бағдарламасы компьютеріңізді қайта іске қосуы керек.%n%nҚазір қайта іске қосасыз ба?
ShowReadmeCheck=Иә, README файлын қарағым келеді
YesRadio=&Иә, компьютерді қазір қайта іске қосу
NoRadio=&Жоқ, компьютерді кейін өзім қайта іске қосамын
RunEntryExec=%1 іске қосу
RunEntryShellExec=%1 қарау

; *** Misc. errors
SetupAborted=Орнату аяқталған жоқ.%n%nМәселені түзетіп, орнату бағдарламасын қайта іске қосыңыз.
AbortRetryIgnoreSelectAction=Әрекетті таңдаңыз
AbortRetryIgnoreRetry=&Қайталап көру
AbortRetryIgnoreIgnore=Қатені &елемей жалғастыру
AbortRetryIgnoreCancel=Орнатудан бас тарту
RetryCancelSelectAction=Әрекетті таңдаңыз
RetryCancelRetry=&Қайталап көру
RetryCancelCancel=Бас тарту

; *** Installation status messages
StatusClosingApplications=Қолданбалар жабылуда...
StatusCreateDirs=Қалталар жасалуда...
StatusExtractFiles=Файлдар шығарылуда...
StatusDownloadFiles=Файлдар жүктелуде...
StatusCreateIcons=Жарлықтар жасалуда...
StatusCreateIniEntries=INI жазбалары жасалуда...
StatusCreateRegistryEntries=Тізілім жазбалары жасалуда...
StatusRegisterFiles=Файлдар тіркелуде...
StatusSavingUninstall=Жою туралы ақпарат сақталуда...
StatusRunProgram=Орнату аяқталуда...
StatusRestartingApplications=Қолданбалар қайта іске қосылуда...
StatusRollback=Өзгерістер кері қайтарылуда...

; *** Misc. errors
ErrorInternal2=Ішкі қате: %1
ErrorFunctionFailedNoCode=%1 орындалмады
ErrorFunctionFailed=%1 орындалмады; коды %2
ErrorFunctionFailedWithMessage=%1 орындалмады; коды %2.%n%3
ErrorExecutingProgram=Файлды іске қосу мүмкін емес:%n%1

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=Бұл файлды &өткізіп жіберу (ұсынылмайды)
FileAbortRetryIgnoreIgnoreNotRecommended=Қатені &елемей жалғастыру (ұсынылмайды)
SourceIsCorrupted=Бастапқы файл бүлінген
SourceDoesntExist=«%1» бастапқы файлы жоқ
ExistingFileReadOnly2=Бар файл тек оқуға арналған деп белгіленгендіктен, оны ауыстыру мүмкін болмады.
ExistingFileReadOnlyRetry=«Тек оқу» атрибутын &алып тастап, қайталап көру
ExistingFileReadOnlyKeepExisting=Бар файлды &қалдыру
ErrorReadingExistingDest=Бар файлды оқу кезінде қате пайда болды:
FileExistsSelectAction=Әрекетті таңдаңыз
FileExists2=Файл бұрыннан бар.
FileExistsOverwriteExisting=Бар файлды &қайта жазу
FileExistsKeepExisting=Бар файлды &қалдыру
FileExistsOverwriteOrKeepAll=Келесі қайшылықтар үшін де &осылай істеу
ExistingFileNewerSelectAction=Әрекетті таңдаңыз
ExistingFileNewer2=Бар файл орнату бағдарламасы орнатқысы келген файлдан жаңарақ.
ExistingFileNewerOverwriteExisting=Бар файлды &қайта жазу
ExistingFileNewerKeepExisting=Бар файлды &қалдыру (ұсынылады)
ExistingFileNewerOverwriteOrKeepAll=Келесі қайшылықтар үшін де &осылай істеу
ErrorChangingAttr=Бар файлдың атрибуттарын өзгерту кезінде қате пайда болды:
ErrorCreatingTemp=Орнату қалтасында файл жасау кезінде қате пайда болды:
ErrorReadingSource=Бастапқы файлды оқу кезінде қате пайда болды:
ErrorCopying=Файлды көшіру кезінде қате пайда болды:
ErrorReplacingExistingFile=Бар файлды ауыстыру кезінде қате пайда болды:
ErrorRestartReplace=RestartReplace орындалмады:
ErrorRenamingTemp=Орнату қалтасындағы файлдың атын өзгерту кезінде қате пайда болды:

; *** Uninstall display name markings
UninstallDisplayNameMark=%1 (%2)
UninstallDisplayNameMarks=%1 (%2, %3)
UninstallDisplayNameMark32Bit=32 бит
UninstallDisplayNameMark64Bit=64 бит
UninstallDisplayNameMarkAllUsers=Барлық пайдаланушылар
UninstallDisplayNameMarkCurrentUser=Ағымдағы пайдаланушы

; *** Post-installation errors
ErrorOpeningReadme=README файлын ашу кезінде қате пайда болды.
ErrorRestartingComputer=Орнату бағдарламасы компьютерді қайта іске қоса алмады. Мұны қолмен жасаңыз.

; *** Uninstaller messages
UninstallNotFound=«%1» файлы жоқ. Жою мүмкін емес.
UninstallOpenError=«%1» файлы ашылмады. Жою мүмкін емес
UninstallUnsupportedVer=«%1» жою журналының пішімін жою бағдарламасының бұл нұсқасы танымайды. Жою мүмкін емес
UninstallUnknownEntry=Жою журналында белгісіз жазба (%1) кездесті
ConfirmUninstall=%1 және оның барлық құрамдастарын толығымен жойғыңыз келе ме?
UninstallOnlyOnWin64=Бұл бағдарламаны тек 64 биттік Windows жүйесінде жоюға болады.
OnlyAdminCanUninstall=Бұл бағдарламаны тек әкімші құқықтары бар пайдаланушы жоя алады.
UninstallStatusLabel=%1 компьютеріңізден жойылып жатыр, күте тұрыңыз.
UninstalledAll=%1 компьютеріңізден сәтті жойылды.
UninstalledMost=%1 жою аяқталды.%n%nКейбір элементтерді жою мүмкін болмады. Оларды қолмен жоюға болады.
UninstalledAndNeedsRestart=%1 жоюды аяқтау үшін компьютерді қайта іске қосу керек.%n%nҚазір қайта іске қосасыз ба?
UninstallDataCorrupted=«%1» файлы бүлінген. Жою мүмкін емес

; *** Uninstallation phase messages
ConfirmDeleteSharedFileTitle=Ортақ файл жойылсын ба?
ConfirmDeleteSharedFile2=Жүйенің деректері бойынша мына ортақ файлды енді ешбір бағдарлама пайдаланбайды. Жою бағдарламасы бұл ортақ файлды жойсын ба?%n%nЕгер бұл файлды әлі де бір бағдарламалар пайдаланса және ол жойылса, ол бағдарламалар дұрыс жұмыс істемеуі мүмкін. Сенімді болмасаңыз, «Жоқ» батырмасын таңдаңыз. Файлды жүйеде қалдыру ешқандай зиян келтірмейді.
SharedFileNameLabel=Файл атауы:
SharedFileLocationLabel=Орны:
WizardUninstalling=Жою күйі
StatusUninstalling=%1 жойылуда...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=%1 орнатылуда.
ShutdownBlockReasonUninstallingApp=%1 жойылуда.

[CustomMessages]

NameAndVersion=%1, %2 нұсқасы
AdditionalIcons=Қосымша жарлықтар:
CreateDesktopIcon=&Жұмыс үстелінде жарлық жасау
CreateQuickLaunchIcon=&Жылдам іске қосу тақтасында жарлық жасау
ProgramOnTheWeb=%1 интернетте
UninstallProgram=%1 жою
LaunchProgram=%1 іске қосу
AssocFileExtension=%1 бағдарламасын %2 файл кеңейтімімен &байланыстыру
AssocingFileExtension=%1 бағдарламасы %2 файл кеңейтімімен байланыстырылуда...
AutoStartProgramGroupDescription=Автоіске қосу:
AutoStartProgram=%1 автоматты түрде іске қосу
AddonHostProgramNotFound=%1 сіз таңдаған қалтада табылмады.%n%nСонда да жалғастырасыз ба?
