"""The Neo4j launcher program: find Java, and build the launcher jar with Maven.

A real Neo4j 5.26 community DBMS runs embedded in a small Java launcher (``launcher/``,
built with Maven into ``launcher/target/``). :mod:`graph.db.lifecycle` runs it;
:mod:`graph.db.bulk` runs Neo4j's import tool from its class path.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

from graph.errors import ServerError
from graph.settings import Settings, get_settings

__all__ = ["JAR_NAME", "launcher_jar", "find_java", "build_launcher"]

JAR_NAME = "casegraph-neo4j-launcher.jar"

_JAVA_MISSING = "java not found: install a Java 17 JDK (Debian: apt-get install openjdk-17-jdk-headless)"
_MVN_MISSING = "mvn not found: install Maven (Debian: apt-get install maven)"


def launcher_jar(settings: Settings | None = None) -> Path:
    """Where the built launcher jar is (or will be)."""
    settings = settings or get_settings()
    return Path(settings.launcher_dir) / "target" / JAR_NAME


def find_java() -> str:
    """The ``java`` to run: ``$JAVA_HOME/bin/java`` if there is one, else the one on the PATH.

    Raises :class:`ServerError` (saying what to install) when there is none.
    """
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("java")
    if not found:
        raise ServerError(_JAVA_MISSING)
    return found


def _mvn() -> str:
    found = shutil.which("mvn")
    if not found:
        raise ServerError(_MVN_MISSING)
    return found


def _sources(launcher_dir: Path) -> list[Path]:
    files = [launcher_dir / "pom.xml"]
    src = launcher_dir / "src"
    if src.is_dir():
        files.extend(p for p in src.rglob("*") if p.is_file())
    return files


def _jar_is_current(launcher_dir: Path, jar: Path) -> bool:
    if not jar.is_file() or not (jar.parent / "lib").is_dir():
        return False
    built = jar.stat().st_mtime
    return all(p.stat().st_mtime <= built for p in _sources(launcher_dir) if p.exists())


_MAVEN_NOISE = (
    "-> [Help 1]",
    "To see the full stack trace",
    "Re-run Maven using",
    "For more information about the errors",
    "[Help 1] http",
    "After correcting the problems",
    "mvn <args> -rf",
)


def _maven_error_line(output: str) -> str:
    """Pick the line of Maven's output that says what went wrong."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = []
    for line in lines:
        if line.startswith("[ERROR]"):
            text = line[len("[ERROR]") :].strip()
            if text and not any(noise in text for noise in _MAVEN_NOISE):
                errors.append(text)
    for text in errors:  # a compiler error names the file and line
        if ".java:[" in text:
            return text
    for text in errors:
        if text.startswith(
            ("Failed to execute goal", "Could not resolve", "Non-resolvable", "Some problems")
        ):
            return text
    if errors:
        return errors[-1]
    useful = [line for line in lines if not any(noise in line for noise in _MAVEN_NOISE)]
    return useful[-1] if useful else "no output"


def build_launcher(settings: Settings | None = None, quiet: bool = True) -> Path:
    """Build the Neo4j launcher jar with Maven unless it is up to date; return its path.

    The jar counts as up to date when it and its ``lib/`` exist and it is newer
    than ``pom.xml`` and every file under ``src/``. A cold build downloads
    Neo4j's jars (about 190 MB) into ``~/.m2``. With ``quiet=False`` Maven's
    output is shown as it runs.

    Raises :class:`ServerError` if java or mvn is missing or Maven fails.
    """
    settings = settings or get_settings()
    launcher_dir = Path(settings.launcher_dir)
    jar = launcher_jar(settings)
    pom = launcher_dir / "pom.xml"
    if not pom.is_file():
        raise ServerError(
            f"the Neo4j launcher is not part of this install (no {pom}): set CASEGRAPH_LAUNCHER_DIR to the "
            "launcher/ folder of a casegraph checkout, or set NEO4J_URI to use your own Neo4j")
    if _jar_is_current(launcher_dir, jar):
        return jar
    find_java()
    mvn = _mvn()
    target = launcher_dir / "target"
    try:
        target.mkdir(exist_ok=True)
    except OSError as e:
        raise ServerError(f"cannot create {target}: {e.strerror}") from e
    # Two builds in the same directory at once would trample each other.
    lock_fd = os.open(target / ".casegraph-build.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX)
        if _jar_is_current(launcher_dir, jar):
            return jar
        cmd = [mvn, "-B", "-Dstyle.color=never", "-f", str(pom), "package", "-DskipTests"]
        if quiet:
            cmd.insert(1, "-q")
        output: list[str] = []
        try:
            proc = subprocess.Popen(
                cmd,
                cwd=launcher_dir,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                errors="replace",
            )
        except OSError as e:
            raise ServerError(f"cannot run Maven ({mvn}): {e.strerror}") from e
        assert proc.stdout is not None
        with proc.stdout:
            for line in proc.stdout:
                output.append(line)
                if not quiet:
                    sys.stdout.write(line)
                    sys.stdout.flush()
        status_code = proc.wait()
        text = "".join(output)
        if status_code != 0:
            raise ServerError(
                f"building the Neo4j launcher failed (mvn exit {status_code}): {_maven_error_line(text)}"
            )
        if not jar.is_file():
            raise ServerError(f"Maven finished but did not produce {jar}")
        jar.touch()  # newer than every source, even one edited during the build's start
        return jar
    finally:
        os.close(lock_fd)
