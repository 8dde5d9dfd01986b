"""Command line: ``python -m llmbrief summarize|verify|eval|batch``.

``main(argv) -> int`` never raises: bad input and usage errors print one line and return 2.
One module per subcommand; each registers its parser and its ``run(args, out, err)``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from .._version import __version__
from ..errors import ConfigError, InputError, LLMBriefError, ModelCallError, PromptError
from . import batch, batch_api, eval_diff, eval_verifier, summarize, verify
from . import eval as eval_cmd
from ._common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, Parser, UsageError

__all__ = ["console_main", "main"]


def _parser() -> Parser:
    top = Parser(
        prog="llmbrief",
        description="Cited news briefs from article clusters, with citation checks and evals.",
        epilog="Exit status: 0 ok, 1 a check failed (verify/eval/batch), 2 bad input or usage.",
    )
    top.add_argument("--version", action="version", version=f"llmbrief {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for command in (summarize, verify, eval_cmd, batch, batch_api):
        command.add_parser(sub)
    return top


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; return the exit status (0 ok, 1 check failed, 2 bad input/usage)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        # --help and --version print through argparse to sys.stdout and exit: to ``out``
        with contextlib.redirect_stdout(out):
            if argv[:2] == ["eval", "verifier"]:
                return eval_verifier.main(argv[2:], out, err)
            if argv[:2] == ["eval", "diff"]:
                return eval_diff.main(argv[2:], out, err)
            args = parser.parse_args(argv)
        if args.command is None:
            err.write(parser.format_usage())
            err.write("llmbrief: error: give a command (see llmbrief --help)\n")
            return EXIT_USAGE
        return int(args.run(args, out, err))
    except SystemExit as e:  # --help, --version
        return e.code if isinstance(e.code, int) else EXIT_OK
    except UsageError as e:
        err.write(f"{e}\n")
        return EXIT_USAGE
    except (InputError, ConfigError, PromptError) as e:
        err.write(f"llmbrief: error: {e}\n")
        return EXIT_USAGE
    except ModelCallError as e:
        err.write(f"llmbrief: model call failed: {e}\n")
        return EXIT_FAIL
    except LLMBriefError as e:
        err.write(f"llmbrief: error: {e}\n")
        return EXIT_FAIL
    except KeyboardInterrupt:
        err.write("llmbrief: interrupted\n")
        return 130
    except BrokenPipeError:
        # `llmbrief ... | head`: the reader left; not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def console_main() -> NoReturn:
    """Entry point of the ``llmbrief`` script and ``python -m llmbrief``."""
    sys.exit(main())
