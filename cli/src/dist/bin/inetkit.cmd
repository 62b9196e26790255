@echo off
rem inetkit for Windows: runs lib\inetkit.jar on Java 17+ (JAVA_HOME, or java on PATH).
rem INETKIT_JAVA_OPTS adds JVM options.
setlocal
set "INETKIT_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
"%JAVA_EXE%" -XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1 %INETKIT_JAVA_OPTS% -jar "%INETKIT_HOME%\lib\inetkit.jar" %*
exit /b %ERRORLEVEL%
