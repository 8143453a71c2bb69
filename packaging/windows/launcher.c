/* nianbao.exe (GUI, -DGUI) and nianbao-cli.exe (console): start the bundled CPython on the app.
   The arguments are passed on exactly as Windows gave them (file names with spaces or Chinese
   characters included); the launcher waits and returns the app's exit code. */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>
#include "entry.h"   /* ENTRY: the Python code that starts the app, from pyproject's entry point */

#ifdef GUI
#define PYTHON L"pythonw.exe"
#else
#define PYTHON L"python.exe"
#endif

static void fail(const wchar_t *what, DWORD code) {
    wchar_t text[1024];
    swprintf(text, 1024, L"年报编辑器无法启动：%ls（错误 %lu）。\n请重新安装，或把本消息告诉信息技术人员。", what, code);
#ifdef GUI
    MessageBoxW(NULL, text, L"年报编辑器", MB_OK | MB_ICONERROR);
#else
    fwprintf(stderr, L"%ls\n", text);
#endif
}

/* The command line after the program's own name, untouched. */
static const wchar_t *arguments(const wchar_t *cmd) {
    if (*cmd == L'"') {
        cmd++;
        while (*cmd && *cmd != L'"') cmd++;
        if (*cmd) cmd++;
    } else {
        while (*cmd && *cmd != L' ' && *cmd != L'\t') cmd++;
    }
    while (*cmd == L' ' || *cmd == L'\t') cmd++;
    return cmd;
}

int wmain(void) {
    wchar_t dir[MAX_PATH * 2], python[MAX_PATH * 2];
    DWORD n = GetModuleFileNameW(NULL, dir, MAX_PATH * 2);
    if (n == 0 || n >= MAX_PATH * 2) { fail(L"程序路径过长", GetLastError()); return 1; }
    wchar_t *slash = wcsrchr(dir, L'\\');
    if (slash) *slash = 0;
    swprintf(python, MAX_PATH * 2, L"%ls\\python\\%ls", dir, PYTHON);
    if (GetFileAttributesW(python) == INVALID_FILE_ATTRIBUTES) {
        fail(L"找不到 python\\" PYTHON L"，安装不完整", GetLastError());
        return 1;
    }
    const wchar_t *args = arguments(GetCommandLineW());
    size_t size = wcslen(python) + wcslen(ENTRY) + wcslen(args) + 32;
    wchar_t *cmd = HeapAlloc(GetProcessHeap(), 0, size * sizeof(wchar_t));
    /* -X utf8: text files default to UTF-8, not the ANSI code page (GBK on Chinese Windows). */
    swprintf(cmd, size, L"\"%ls\" -X utf8 -c \"%ls\" %ls", python, ENTRY, args);
    STARTUPINFOW si = {sizeof si};
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(python, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        fail(L"无法运行内置的 Python", GetLastError());
        return 1;
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return (int)code;
}
