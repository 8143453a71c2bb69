; Per-user installer for the editor: no administrator rights (government PCs), Chinese UI.
; makensis -DSRC=<portable folder> -DOUTFILE=<setup.exe> -DVERSION=<x.y.z> installer.nsi
Unicode true
Target amd64-unicode          ; a 32-bit stub cannot start under 64-bit-only Wine; Windows 10/11 are 64-bit
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
!include "MUI2.nsh"

!define APPNAME "年报编辑器"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao"
!define APPKEY "Software\Classes\Applications\nianbao.exe"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\nianbao"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "nianbao"

!define MUI_ICON "${SRC}\nianbao.ico"
!define MUI_UNICON "${SRC}\nianbao.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\nianbao.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开年报编辑器"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\python"          ; an update replaces the bundled Python and packages wholesale
  File /r "${SRC}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.ico"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.ico"
  ; "Open with" for the report files (native .json, and the Word/HTML/PDF reports it imports),
  ; without taking .json or .docx away from the programs that open them today.
  WriteRegStr HKCU "${APPKEY}" "FriendlyAppName" "${APPNAME}"
  WriteRegStr HKCU "${APPKEY}\DefaultIcon" "" "$INSTDIR\nianbao.ico"
  WriteRegStr HKCU "${APPKEY}\shell\open\command" "" '"$INSTDIR\nianbao.exe" "%1"'
  WriteRegStr HKCU "${APPKEY}\SupportedTypes" ".json" ""
  WriteRegStr HKCU "${APPKEY}\SupportedTypes" ".docx" ""
  WriteRegStr HKCU "${APPKEY}\SupportedTypes" ".html" ""
  WriteRegStr HKCU "${APPKEY}\SupportedTypes" ".pdf" ""
  WriteRegStr HKCU "Software\Classes\.json\OpenWithList\nianbao.exe" "" ""
  WriteRegStr HKCU "Software\Classes\.docx\OpenWithList\nianbao.exe" "" ""
  ; Programs and Features ("应用和功能") entry
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\nianbao.ico"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "nianbao"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  ; Only what the installer put there: never RMDir /r a folder the clerk may have chosen for other files.
  RMDir /r "$INSTDIR\python"
  Delete "$INSTDIR\nianbao.exe"
  Delete "$INSTDIR\nianbao-cli.exe"
  Delete "$INSTDIR\nianbao.ico"
  Delete "$INSTDIR\manifest.json"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${APPKEY}"
  DeleteRegKey HKCU "Software\Classes\.json\OpenWithList\nianbao.exe"
  DeleteRegKey HKCU "Software\Classes\.docx\OpenWithList\nianbao.exe"
  DeleteRegKey HKCU "${UNINSTKEY}"
  ; Settings, logs and recovery files (%APPDATA%\nianbao, %LOCALAPPDATA%\nianbao) stay: a recovery
  ; file may be the only copy of a clerk's unsaved work.
SectionEnd
