@echo off
rem inetkit for Windows: runs lib\inetkit.jar on Java 17+ (JAVA_HOME, or java on PATH).
rem INETKIT_JAVA_OPTS adds JVM options.
setlocal
set "INETKIT_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
rem C1 only starts short commands sooner; ftp get/put, mail sync and serve keep the full JIT (C1
rem has no AES-GCM intrinsics: an FTPS transfer would be ten times slower), as bin/inetkit does.
set "JIT=-XX:TieredStopAtLevel=1"
if /i "%~1 %~2"=="ftp get" set "JIT="
if /i "%~1 %~2"=="ftp put" set "JIT="
if /i "%~1 %~2"=="mail sync" set "JIT="
if /i "%~1"=="serve" set "JIT="
"%JAVA_EXE%" -XX:+UseSerialGC -XX:-UsePerfData %JIT% %INETKIT_JAVA_OPTS% -jar "%INETKIT_HOME%\lib\inetkit.jar" %*
exit /b %ERRORLEVEL%
