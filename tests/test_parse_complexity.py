"""No function of the parser grows past a cyclomatic complexity of 15: a reader with more
cases than that is written as an ordered rule table (``tei/parse/rules.py``)."""

from __future__ import annotations

import ast
from pathlib import Path

PARSE = Path(__file__).resolve().parent.parent / "tei" / "parse"
LIMIT = 15


def complexity(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """1 + the decisions in ``function``, each ``and``/``or`` counted as one (as lizard
    counts), nested functions left to be counted on their own."""
    count = 1
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        if isinstance(node, ast.If | ast.IfExp | ast.For | ast.AsyncFor | ast.While
                      | ast.ExceptHandler | ast.match_case):
            count += 1
        elif isinstance(node, ast.comprehension):
            count += 1 + len(node.ifs)
        elif isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
        stack.extend(ast.iter_child_nodes(node))
    return count


def functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]


def test_no_parser_function_is_over_the_limit() -> None:
    over = []
    for path in sorted(PARSE.glob("*.py")):
        for function in functions(ast.parse(path.read_text(encoding="utf-8"))):
            if complexity(function) > LIMIT:
                over.append(f"{path.name}:{function.lineno} {function.name} "
                            f"{complexity(function)}")
    assert over == []


def test_the_measure_counts_branches_and_boolean_operators() -> None:
    source = (
        "def f(a, b, c):\n"
        "    if a and b or c:\n"
        "        return [x for x in a if x]\n"
        "    elif b:\n"
        "        return 1 if c else 2\n"
        "    for x in a:\n"
        "        while b:\n"
        "            try:\n"
        "                pass\n"
        "            except ValueError:\n"
        "                pass\n"
        "    def inner():\n"
        "        if a:\n"
        "            pass\n"
    )
    outer, inner = functions(ast.parse(source))
    # 1 + if + and + or + comprehension (for, if) + elif + ternary + for + while + except
    assert complexity(outer) == 11
    assert complexity(inner) == 2
