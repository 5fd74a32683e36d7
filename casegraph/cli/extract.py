"""Commands that turn articles into draft fact files: extract, review, eval-extract."""

from __future__ import annotations

import sys

import click

from casegraph.cli.common import emit_json, emit_table, format_option, output_under
from graph.text import escape_control

__all__ = ["COMMANDS"]


@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=str),
              help="Directory for the drafts (DIR/<stem>.yaml).")
@click.option("--corpus", "corpus", multiple=True, type=click.Path(exists=True, path_type=str),
              help="Fact files or directories whose entities names resolve to (repeatable).")
@click.option("--draft-format", "draft_format", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
              help="Format of the drafts.")
@click.option("--learned", is_flag=True, default=False,
              help="Also add the events the trained finder finds and the rules miss (offline; off by default).")
@format_option("text", "json", default="text")
def extract(articles: tuple[str, ...], out_dir: str, corpus: tuple[str, ...], draft_format: str, learned: bool,
            fmt: str) -> None:
    """Extract draft fact files from articles (.html, .htm, .txt; or directories of them), offline.

    One draft per article, named after it. A bad input (binary, empty, undecodable, no main
    text) is reported on one line and the others go on; the exit status is then 1.
    Review each draft with 'casegraph review' before loading it.

    \b
    Example:
      casegraph extract examples/articles/dev -o drafts/ --corpus examples/crimea
    """
    from loaders.extract import extract_articles

    with output_under(out_dir):  # a full disk: one line naming the folder
        report = extract_articles(articles, out_dir, corpus, draft_format, learned)
    if fmt == "json":
        emit_json({
            "written": [{"article": str(a), "draft": str(d), "entities": e, "claims": c, "to_review": o}
                        for a, d, e, c, o in report.written],
            "failed": [{"article": str(a), "error": msg} for a, msg in report.failed],
        })
    else:
        for _a, draft, n_e, n_c, n_open in report.written:
            click.echo(f"{draft}: {n_e} entities, {n_c} claims, {n_open} to review")
        for _a, msg in report.failed:
            click.echo(f"failed: {escape_control(msg)}", err=True)
        summary = f"{len(report.written)} draft{'s' if len(report.written) != 1 else ''} written to {out_dir}"
        if report.failed:
            summary += f"; {len(report.failed)} failed: " + ", ".join(escape_control(str(a)) for a, _m in report.failed)
        click.echo(summary, err=bool(report.failed))
    if report.failed:
        sys.exit(1)


@click.command()
@click.argument("draft", type=click.Path(exists=True, dir_okay=False, path_type=str))
def review(draft: str) -> None:
    """Walk through a draft's doubtful matches and low-confidence claims, and record decisions.

    For each item: a(ccept), r(eject), e(dit) or s(kip); q saves and stops. Decisions are
    written into the draft (which stays a valid fact file); when nothing is pending the
    draft is marked reviewed and 'casegraph load' accepts it.

    \b
    Example:
      casegraph review drafts/d05-state-dept-dzhelyal-detention.yaml
    """
    from loaders.extract.review import review_draft

    def ask(prompt: str, choices: list[str]) -> str:
        if choices:
            return str(click.prompt(prompt, type=click.Choice(choices), show_choices=True))
        return str(click.prompt(prompt, default="", show_default=False))

    s = review_draft(draft, ask, click.echo)
    click.echo(f"\n{s.path}: {s.accepted} accepted, {s.rejected} rejected, {s.edited} edited, {s.skipped} skipped; "
               f"{s.open} still pending; status: {s.status}")


@click.command("eval-extract")
@click.argument("pred", type=click.Path(exists=True, path_type=str))
@click.argument("gold", type=click.Path(exists=True, path_type=str))
@click.option("--errors/--no-errors", default=True, show_default=True, help="List the misses and false positives.")
@format_option("table", "json")
def eval_extract(pred: str, gold: str, errors: bool, fmt: str) -> None:
    """Compare drafts (PRED) with annotated fact files (GOLD): precision, recall and F1.

    Entities per label, events per kind and claims per predicate (precision, recall, F1 and
    the counts), then the misses and false positives.

    \b
    Example:
      casegraph extract examples/articles/unseen -o /tmp/unseen
      casegraph eval-extract /tmp/unseen examples/articles/unseen-gold
    """
    from loaders.extract.evaluate import evaluate_dirs

    data = evaluate_dirs([pred], [gold]).as_dict()
    if fmt == "json":
        emit_json(data)
        return
    headers = ["", "precision", "recall", "F1", "TP", "FP", "FN"]
    for part, what in (("entities", "label"), ("event_kinds", "kind"), ("claims", "predicate")):
        rows = [(k, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["tp"], v["fp"], v["fn"])
                for k, v in data[part].items()]
        title = "Events by kind" if part == "event_kinds" else f"{part.capitalize()} by {what}"
        emit_table(f"{title} ({data['files']} files)", [what, *headers[1:]], rows)
    if data["kind_confusion"]:  # found with the gold's actors, named another kind: a miss and a false positive
        emit_table("Events found under another kind (counted as missed)", ["draft kind", "gold kind", "events"],
                   [(c["draft"], c["gold"], c["events"]) for c in data["kind_confusion"]])
    if errors:
        for title, items in (("Misses", data["misses"]), ("False positives", data["false_positives"]),
                             ("Unpaired", data["unpaired"])):
            if items:
                click.echo(f"\n{title} ({len(items)}):")
                for item in items:
                    click.echo(f"  {item}")


COMMANDS = [extract, review, eval_extract]
