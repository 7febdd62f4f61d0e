"""The command line through click's runner, against real index files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run
from tests.contract import check_document, check_quote, check_result

SAMPLE_QUOTE = "we owe it to the American people"


@pytest.fixture
def indexed(corpus_dir: Path, db_path: Path) -> Path:
    code, _, err = run("--db", str(db_path), "index", str(corpus_dir))
    assert code == 0, err
    return db_path


def test_index_reports_documents(corpus_dir: Path, db_path: Path) -> None:
    code, out, err = run("--db", str(db_path), "index", str(corpus_dir))
    assert code == 0
    assert out == ""  # people-talk goes to stderr
    assert "indexed 3 documents" in err


def test_check_sample_quote_names_article_span_and_line(indexed: Path, corpus_dir: Path) -> None:
    code, out, _ = run("--db", str(indexed), "check", "--format", "json", SAMPLE_QUOTE)
    assert code == 0
    results = json.loads(out)
    assert len(results) == 1
    r = results[0]
    text = (corpus_dir / "pompeo-lavrov-press-conference-2019.txt").read_text(encoding="utf-8")
    check_result(r, text)
    best = r["matches"][0]
    assert r["verdict"] == "verbatim"
    assert best["document"]["path"].endswith("pompeo-lavrov-press-conference-2019.txt")
    assert best["matched_text"] == SAMPLE_QUOTE
    assert best["line"] == 9
    assert (best["start"], best["end"]) == (637, 669)
    assert (
        best["document"]["title"]
        == "Mike Pompeo and Sergey Lavrov hold a joint press conference in Washington"
    )


def test_check_not_found_exits_1(indexed: Path) -> None:
    code, out, _ = run(
        "--db",
        str(indexed),
        "check",
        "--format",
        "jsonl",
        "purple elephants dance on the moon tonight",
    )
    assert code == 1
    r = json.loads(out)
    check_result(r)
    assert r["verdict"] == "not_found"
    assert r["matches"] == []


def test_check_min_score_zero_returns_candidates(indexed: Path) -> None:
    code, out, _ = run(
        "--db",
        str(indexed),
        "check",
        "--format",
        "jsonl",
        "--min-score",
        "0",
        "--top",
        "2",
        "the elephants of the harbour",
    )
    r = json.loads(out)
    check_result(r)
    assert 1 <= len(r["matches"]) <= 2


def test_check_reads_stdin_one_per_line_in_order(indexed: Path) -> None:
    queries = (
        "the council voted 7 to 2 in favour of the plan\n\nno such sentence about zebras anywhere\n"
    )
    code, out, _ = run("--db", str(indexed), "check", "--format", "jsonl", input=queries)
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["query"] for x in lines] == [
        "the council voted 7 to 2 in favour of the plan",
        "no such sentence about zebras anywhere",
    ]
    assert lines[0]["verdict"] == "verbatim"
    assert lines[1]["verdict"] == "not_found"
    assert code == 1  # one query not found


def test_check_flags_altered_number_and_negation(indexed: Path) -> None:
    code, out, _ = run(
        "--db",
        str(indexed),
        "check",
        "--format",
        "jsonl",
        "The council voted 8 to 2 in favour of the plan",
        "We will sell the old lighthouse to anyone",
    )
    number, negation = (json.loads(x) for x in out.splitlines())
    assert "number" in number["matches"][0]["alerts"]
    assert {"op": "replace", "query": "8", "source": "7"} in number["matches"][0]["changes"]
    assert "negation" in negation["matches"][0]["alerts"]


def test_check_csv_has_header_and_row_per_match(indexed: Path) -> None:
    code, out, _ = run("--db", str(indexed), "check", "--format", "csv", SAMPLE_QUOTE)
    lines = out.splitlines()
    assert lines[0].startswith("query,claimed_speaker,verdict,attribution,rank,score")
    assert len(lines) >= 2
    assert SAMPLE_QUOTE in lines[1]


def test_check_table_is_plain_without_terminal(indexed: Path) -> None:
    code, out, _ = run("--db", str(indexed), "check", SAMPLE_QUOTE)
    assert code == 0
    assert "\x1b[" not in out
    assert out.startswith("VERBATIM  we owe it to the American people")
    assert "pompeo-lavrov-press-conference-2019.txt:9" in out


def test_check_color_always_paints(indexed: Path) -> None:
    _, out, _ = run("--db", str(indexed), "check", "--color", "always", SAMPLE_QUOTE)
    assert "\x1b[" in out


def test_check_without_index_is_a_clear_error(tmp_path: Path) -> None:
    code, out, err = run("--db", str(tmp_path / "none.db"), "check", "anything")
    assert code == 2
    assert out == ""
    assert err.startswith("Error: no index at")
    assert "quotecheck index" in err
    assert len(err.strip().splitlines()) == 1


def test_usage_error_exits_2(indexed: Path) -> None:
    code, _, err = run("--db", str(indexed), "check", "--top", "-3", "x")
    assert code == 2
    assert "Traceback" not in err


def test_quotes_lists_statements_with_contract(indexed: Path) -> None:
    code, out, _ = run("--db", str(indexed), "quotes", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows
    for q in rows:
        check_quote(q)


def test_stats_counts_documents(indexed: Path) -> None:
    code, out, _ = run("--db", str(indexed), "stats", "--format", "json")
    s = json.loads(out)[0]
    assert s["documents"] == 3
    assert s["sentences"] > 20
    assert s["schema_version"] >= 1


def test_show_marks_document(indexed: Path) -> None:
    code, out, _ = run("--db", str(indexed), "show", "harbour.txt", "--lines", "5-5")
    assert code == 0
    assert "We will not sell the old lighthouse" in out
    assert "Corvale council approves" in out  # the header names the document


def test_show_unknown_document_is_error(indexed: Path) -> None:
    code, _, err = run("--db", str(indexed), "show", "no-such-doc.txt")
    assert code == 2
    assert "no document matches" in err


def test_remove_drops_documents(indexed: Path, corpus_dir: Path) -> None:
    code, _, err = run("--db", str(indexed), "remove", str(corpus_dir / "harbour.txt"))
    assert code == 0
    _, out, _ = run("--db", str(indexed), "stats", "--format", "json")
    assert json.loads(out)[0]["documents"] == 2
    code, out, _ = run(
        "--db",
        str(indexed),
        "check",
        "--format",
        "jsonl",
        "the council voted 7 to 2 in favour of the plan",
    )
    assert json.loads(out)["verdict"] == "not_found"


def test_reindex_skips_unchanged_and_replaces_changed(indexed: Path, corpus_dir: Path) -> None:
    code, _, err = run("--db", str(indexed), "index", str(corpus_dir))
    assert "indexed 0 documents" in err and "3 unchanged" in err
    p = corpus_dir / "bridge.md"
    p.write_text(p.read_text(encoding="utf-8").replace("in half", "by a third"), encoding="utf-8")
    code, _, err = run("--db", str(indexed), "index", str(corpus_dir))
    assert "indexed 1 documents" in err and "2 unchanged" in err
    _, out, _ = run(
        "--db",
        str(indexed),
        "check",
        "--format",
        "jsonl",
        "the bridge would cut travel times by a third",
    )
    assert json.loads(out)["verdict"] == "verbatim"


def test_index_bad_file_goes_on_and_exits_2(corpus_dir: Path, db_path: Path) -> None:
    (corpus_dir / "broken.jsonl").write_text(
        '{"text": "A fine record from Corvale."}\n{not json\n', encoding="utf-8"
    )
    code, _, err = run("--db", str(db_path), "index", str(corpus_dir))
    assert code == 2
    assert "broken.jsonl:2: malformed JSON" in err
    _, out, _ = run("--db", str(db_path), "stats", "--format", "json")
    assert json.loads(out)[0]["documents"] == 4


def test_index_records_from_stdin(db_path: Path) -> None:
    data = (
        '{"id": "r1", "text": "The Corvale ferry will run every hour.", "speaker": "Ilsa Brandt"}\n'
    )
    code, _, err = run("--db", str(db_path), "index", "-", input=data)
    assert code == 0, err
    _, out, _ = run(
        "--db", str(db_path), "check", "--format", "jsonl", "the Corvale ferry will run every hour"
    )
    m = json.loads(out)["matches"][0]
    assert m["kind"] == "record"
    assert m["speaker"] == "Ilsa Brandt"
    assert m["document"]["key"] == "r1"


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("quotecheck, version ")


def test_quotes_unknown_speaker_exits_1(indexed: Path) -> None:
    code, out, err = run("--db", str(indexed), "quotes", "--speaker", "Nobody Atall")
    assert code == 1
    assert out == ""
    assert "no speaker in the index matches 'Nobody Atall'" in err


@pytest.mark.parametrize(
    ("fmt", "out_expected"),
    [
        ("json", "[]\n"),
        ("jsonl", ""),
        (
            "csv",
            "id,speaker,kind,document.path,document.key,line,start,end,mention.text,cue.text,text\n",
        ),
    ],
)
def test_quotes_unknown_speaker_gives_the_formats_empty_output_and_exit_1(
    indexed: Path, fmt: str, out_expected: str
) -> None:
    # --speaker Nobody printed nothing at all with --format json (a parser got no input)
    # where a filter matching no statement printed [] : both are "nothing found", exit 1
    code, out, err = run(
        "--db", str(indexed), "quotes", "--speaker", "Nobody Atall", "--format", fmt
    )
    assert (code, out) == (1, out_expected)
    assert "no speaker in the index matches 'Nobody Atall'" in err
    code, out, _ = run(
        "--db", str(indexed), "quotes", "--speaker", "Brandt", "--kind", "record", "--format", fmt
    )
    assert (code, out) == (1, out_expected)


def test_speakers_of_an_index_with_none_exits_1_like_quotes(tmp_path: Path) -> None:
    # an index with no speaker: speakers exited 0, quotes 1, check 1 for nothing found
    db = tmp_path / "narration.db"
    article = tmp_path / "ferry.txt"
    article.write_text(
        "Corvale ferry timetable\n\nThe ferry to Kessel runs twice a day from the harbour.\n",
        encoding="utf-8",
    )
    code, _, err = run("--db", str(db), "index", str(article))
    assert code == 0, err
    for fmt, empty in (("table", "no speakers\n"), ("json", "[]\n"), ("jsonl", "")):
        code, out, _ = run("--db", str(db), "speakers", "--format", fmt)
        assert (code, out) == (1, empty)
    code, out, _ = run("--db", str(db), "quotes", "--format", "json")
    assert (code, out) == (1, "[]\n")


def test_speakers_found_exits_0(indexed: Path) -> None:
    code, out, _ = run("--db", str(indexed), "speakers", "--format", "jsonl")
    assert code == 0
    assert "Ilsa Brandt" in {json.loads(x)["name"] for x in out.splitlines()}


def test_quotes_speaker_filter_is_alias_aware(indexed: Path) -> None:
    code, out, _ = run(
        "--db", str(indexed), "quotes", "--format", "jsonl", "--speaker", "Sergei Lavrov"
    )
    assert code == 0
    speakers = {json.loads(x)["speaker"] for x in out.splitlines()}
    assert speakers == {"Sergey Lavrov"}


def test_html_without_the_extra_is_read_by_the_built_in_extractor(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without trafilatura (an optional extra) an .html file stopped the run: 'reading HTML
    needs the html extra' and exit code 2. A plain install now reads the page's article."""
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # the optional extra is missing
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Pier opens | Corvale Herald</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article>"
        "<h1>Pier opens</h1><p>“The pier is ready for the boats,” said Mayor Ilsa Brandt.</p>"
        "</article><footer>© Corvale Herald</footer></body></html>",
        encoding="utf-8",
    )
    code, _, err = run("--db", str(db_path), "index", str(page))
    assert (code, err.startswith("indexed 1 documents (1 statements")) == (0, True), err
    code, out, _ = run("--db", str(db_path), "quotes", "--format", "json")
    (q,) = json.loads(out)
    assert (q["speaker"], q["text"]) == ("Ilsa Brandt", "The pier is ready for the boats")
    assert q["document"]["title"] == "Pier opens"
    code, out, _ = run("--db", str(db_path), "show", str(page))
    assert "Home" not in out and "©" not in out


def test_verify_html_draft_checks_its_first_paragraph(indexed: Path, tmp_path: Path) -> None:
    """Review: an HTML draft with no <title> or <h1> had its first paragraph taken for the
    headline, and a misquote there passed unseen ("1 of 1 statements check out")."""
    draft = tmp_path / "draft.html"
    draft.write_text(
        "<html><body><p>“We will gladly sell the old lighthouse to anyone,” Brandt said.</p>"
        "<p>The harbour board meets on Monday.</p></body></html>",
        encoding="utf-8",
    )
    code, out, _ = run("--db", str(indexed), "verify", "--format", "json", str(draft))
    (r,) = json.loads(out)
    assert code == 1 and r["failed"] and r["draft"]["line"] == 1


def test_quote_inside_transcript_line_is_the_quoted_persons(db_path: Path, tmp_path: Path) -> None:
    """The innermost statement wins: the words are Valsek's, quoted by Brandt in her turn."""
    t = tmp_path / "debate.txt"
    t.write_text(
        "HOLT: Minister Valsek, your reply?\n"
        "VALSEK: I stand by the bridge plan.\n"
        'BRANDT: Minister Ondra Valsek said last year, "the bridge will never be finished." I disagree.\n',
        encoding="utf-8",
    )
    assert run("--db", str(db_path), "index", str(t))[0] == 0
    code, out, _ = run(
        "--db", str(db_path), "check", "--format", "jsonl", "the bridge will never be finished"
    )
    m = json.loads(out)["matches"][0]
    assert m["kind"] == "direct"
    # the same person as the VALSEK label (which takes the full name the transcript gives),
    # not the line's speaker
    assert m["speaker"] == "Ondra Valsek"


def test_fragment_running_past_a_quoted_phrase_keeps_the_trailing_condition(
    db_path: Path, tmp_path: Path
) -> None:
    """The span runs past the quoted fragment, so the sentence (with its "if") is the context."""
    a = tmp_path / "report.txt"
    a.write_text(
        "Norvania harbour report\n\n"
        "The report, which notes that 12 harbours would close, “a loss for the whole coast of Norvania,” "
        "if the budget passed, was sent to the council.\n",
        encoding="utf-8",
    )
    assert run("--db", str(db_path), "index", str(a))[0] == 0
    code, out, _ = run(
        "--db",
        str(db_path),
        "check",
        "--format",
        "jsonl",
        "12 harbours would close, a loss for the whole coast of Norvania",
    )
    m = json.loads(out)["matches"][0]
    assert "out_of_context" in m["alerts"]


def test_check_pasted_post_links_retweet_prefix_and_trailing_tags_are_not_looked_up(
    indexed: Path,
) -> None:
    """A quote pasted from a social post keeps its words found: the link, the "RT @x:"
    and the hashtags at the end are nowhere in the source and only lowered the score."""
    post = (
        "RT @corvale_daily: “We will not sell the old lighthouse to anyone” "
        "https://t.co/AbC123 #Corvale #harbour @ilsa_brandt"
    )
    code, out, err = run("--db", str(indexed), "check", "--format", "json", post)
    assert code == 0
    (r,) = json.loads(out)
    assert r["query"] == post  # as given
    assert r["verdict"] == "verbatim"
    assert r["matches"][0]["matched_text"] == "We will not sell the old lighthouse to anyone"
    assert "not looked up" in err


def test_claim_found_by_its_record_title(db_path: Path, tmp_path: Path) -> None:
    """A claim worded like a record's title retrieves that record, though its text shares
    none of the claim's words (the title is searched too, not only used in ranking)."""
    f = tmp_path / "claims.jsonl"
    f.write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in (
                {
                    "id": "k1",
                    "text": "A council vote moved the fish stalls to the harbour wall.",
                    "title": "Did Corvale evict its herring sellers?",
                },
                {
                    "id": "k2",
                    "text": "Velden sells herring at the Corvale pier on Sundays.",
                    "title": "Velden Sunday market",
                },
                {
                    "id": "k3",
                    "text": "The Velden ferry stops at the pier twice a day.",
                    "title": "Velden ferry timetable",
                },
            )
        ),
        encoding="utf-8",
    )
    code, _, err = run("--db", str(db_path), "index", str(f))
    assert code == 0, err
    code, out, _ = run(
        "--db",
        str(db_path),
        "check",
        "--format",
        "jsonl",
        "--min-score",
        "0",
        "wow Corvale evicted the herring sellers??",
    )
    r = json.loads(out)
    check_result(r)
    assert r["verdict"] == "not_found"  # a claim, not a quote
    assert r["matches"][0]["document"]["key"] == "k1"


def test_transcript_introduction_before_the_first_turn_is_searchable(
    tmp_path: Path, db_path: Path
) -> None:
    """An article that introduces a partial transcript: the introduction is indexed too
    (only the speakers' turns were), and the turns keep their speakers."""
    f = tmp_path / "interview.txt"
    f.write_text(
        "Brandt on the harbour\n\n"
        "On Sunday the mayor of Corvale talked about the new ferry terminal at length.\n\n"
        "Partial transcript as follows:\n\n"
        "VALSEK: Will the ferries run at night?\n\n"
        "BRANDT: Only in summer, and only on weekends.\n\n"
        "VALSEK: And the fares?\n\n"
        "BRANDT: They stay as they are.\n",
        encoding="utf-8",
    )
    assert run("--db", str(db_path), "index", str(f))[0] == 0
    code, out, _ = run(
        "--db",
        str(db_path),
        "check",
        "--format",
        "json",
        "the mayor of Corvale talked about the new ferry terminal at length",
        "only in summer, and only on weekends",
    )
    assert code == 0
    intro, turn = json.loads(out)
    assert intro["verdict"] == "verbatim"
    assert turn["verdict"] == "verbatim" and turn["matches"][0]["speaker"] == "Brandt"


def test_query_spacing_alone_brings_no_pasted_post_note(indexed: Path) -> None:
    code, out, err = run(
        "--db", str(indexed), "check", "--format", "json", "We will not  sell the old\nlighthouse"
    )
    assert code == 0
    assert "not looked up" not in err


def test_sentence_with_a_quote_inside_is_looked_up_by_its_quoted_words(indexed: Path) -> None:
    """Pasted from a draft: not found as a whole (the paraphrase is the writer's), but its
    quoted words are the source's verbatim, so those are looked up, with a note."""
    query = 'Mayor Brandt promised that "we will not sell the old lighthouse" to developers'
    code, out, err = run("--db", str(indexed), "check", "--format", "json", query)
    assert code == 0
    (r,) = json.loads(out)
    assert r["query"] == query
    assert r["verdict"] == "verbatim"
    assert r["matches"][0]["matched_text"] == "We will not sell the old lighthouse"
    assert "looked up its quoted words" in err
    # quoted words that are nowhere in the index: still not found
    code, out, _ = run(
        "--db",
        str(indexed),
        "check",
        "--format",
        "json",
        'Brandt said that "zebras will cross the frozen harbour at dawn" in May',
    )
    assert code == 1 and json.loads(out)[0]["verdict"] == "not_found"


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_quotes_unknown_document_writes_nothing_on_stdout(indexed: Path, fmt: str) -> None:
    # The error came while the first row was made, after "[" (or the CSV header) was
    # written: a script read a half JSON array along with exit code 2.
    code, out, err = run("--db", str(indexed), "quotes", "--doc", "nosuch.txt", "--format", fmt)
    assert code == 2
    assert out == ""
    assert "Error: no document matches 'nosuch.txt'" in err


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_stats_csv_keeps_the_counts_by_format_and_kind(indexed: Path, fmt: str) -> None:
    # "formats" and "statements_by_kind" are dicts: their cells came out empty.
    import csv
    import io

    code, out, _ = run("--db", str(indexed), "stats", "--format", fmt)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    assert len(rows) == 1
    row = rows[0]
    _, js, _ = run("--db", str(indexed), "stats", "--format", "json")
    s = json.loads(js)[0]
    assert row["formats.article"] == str(s["formats"]["article"]) == "3"
    assert row["formats.record"] == row["formats.transcript"] == "0"  # always there
    for kind in ("direct", "indirect", "transcript", "record"):
        assert row[f"statements_by_kind.{kind}"] == str(s["statements_by_kind"].get(kind, 0))
    assert int(row["statements_by_kind.direct"]) > 0
    assert "formats" not in row and "statements_by_kind" not in row
    assert row["documents"] == "3"


def test_second_batch_piped_into_index_keeps_the_first(db_path: Path) -> None:
    # Everything piped in is stored under the path "<stdin>", by key: records without an
    # id were keyed by their place in the batch ("#1"), an article by none, so the next
    # batch piped in replaced the last one's documents.
    db = str(db_path)

    def texts() -> set[str]:
        _, out, _ = run("--db", db, "quotes", "--format", "jsonl")
        return {json.loads(x)["text"] for x in out.splitlines()}

    first = '{"text": "The Corvale ferry will run every hour.", "speaker": "Ilsa Brandt"}\n'
    second = '{"text": "The Kessel bridge will close in May.", "speaker": "Ondra Valsek"}\n'
    for batch in (first, second):
        code, _, err = run("--db", db, "index", "-", input=batch)
        assert code == 0, err
    assert texts() == {
        "The Corvale ferry will run every hour.",
        "The Kessel bridge will close in May.",
    }
    code, _, err = run("--db", db, "index", "-", input=second)  # the same again: no copy
    assert code == 0 and "indexed 0 documents" in err
    for article in (
        "Velmark harbour\n\n“The harbour will reopen,” Petra Dorn said.\n",
        "Kessel school\n\n“The school will stay open,” Tamsin Orrel said.\n",
    ):
        code, _, err = run("--db", db, "index", "--format", "article", "-", input=article)
        assert code == 0, err
    assert texts() >= {"The harbour will reopen", "The school will stay open"}
    _, out, _ = run("--db", db, "stats", "--format", "json")
    assert json.loads(out)[0]["documents"] == 4
    # the contract: document.key is a record's own id, null for an article (the key a
    # piped article is stored under names no record)
    _, out, _ = run("--db", db, "quotes", "--format", "jsonl")
    keys = {json.loads(x)["text"]: json.loads(x)["document"]["key"] for x in out.splitlines()}
    assert keys["The harbour will reopen"] is None
    assert keys["The Corvale ferry will run every hour."] is not None
    _, out, _ = run("--db", db, "check", "--format", "json", "The school will stay open")
    assert json.loads(out)[0]["matches"][0]["document"]["key"] is None


def test_records_file_without_ids_read_again_replaces_its_records(
    tmp_path: Path, db_path: Path
) -> None:
    # a file's records without an id are still known by their place in it
    f = tmp_path / "claims.jsonl"
    f.write_text('{"text": "Corvale has a new ferry."}\n', encoding="utf-8")
    assert run("--db", str(db_path), "index", str(f))[0] == 0
    f.write_text('{"text": "Corvale has a new bridge."}\n', encoding="utf-8")
    assert run("--db", str(db_path), "index", str(f))[0] == 0
    _, out, _ = run("--db", str(db_path), "show", "#1", "--format", "json")
    (doc,) = json.loads(out)
    assert doc["text"] == "Corvale has a new bridge."
    _, out, _ = run("--db", str(db_path), "stats", "--format", "json")
    assert json.loads(out)[0]["documents"] == 1


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("12-5", "the first line comes after the last"),
        ("0-3", "lines count from 1"),
        ("5-6-7", "expected A-B"),
        ("x", "expected A-B"),
        ("40-50", "the document has lines 1-9"),
    ],
)
def test_show_lines_out_of_range_or_reversed_is_a_usage_error(
    indexed: Path, spec: str, message: str
) -> None:
    # "12-5" and "40-50" printed the header and no line at all, with exit code 0
    code, out, err = run("--db", str(indexed), "show", "harbour.txt", "--lines", spec)
    assert code == 2
    assert out == ""
    assert message in err


def test_show_lines_open_ended_ranges(indexed: Path) -> None:
    # "5-" showed line 5 only; it means line 5 to the end
    def shown(spec: str) -> list[int]:
        code, out, err = run("--db", str(indexed), "show", "harbour.txt", "--lines", spec)
        assert code == 0, err
        body = out.split("\n\n", 1)[1].split("\n\nstatements:")[0]
        return [int(line.split()[0]) for line in body.splitlines()]

    assert shown("5-") == [5, 6, 7, 8, 9]
    assert shown("-3") == [1, 2, 3]
    assert shown("7") == [7]
    assert shown("8-100") == [8, 9]  # the end clipped to the last line


def test_show_lines_in_json_gives_the_passage_and_its_statements(indexed: Path) -> None:
    # --lines was ignored in the machine formats: the whole document, every statement
    code, out, _ = run(
        "--db", str(indexed), "show", "harbour.txt", "--lines", "5-5", "--format", "json"
    )
    assert code == 0
    (d,) = json.loads(out)
    p = d["passage"]
    assert (p["first_line"], p["last_line"]) == (5, 5)
    assert p["text"] == d["text"][p["start"] : p["end"]]
    assert p["text"].startswith("“We will not sell the old lighthouse") and "\n" not in p["text"]
    assert d["statements"] and all(
        st["start"] < p["end"] and st["end"] > p["start"] for st in d["statements"]
    )
    for st in d["statements"]:  # quotes records, as without --lines (they were store rows)
        check_quote(st)
    _, whole, _ = run("--db", str(indexed), "show", "harbour.txt", "--format", "json")
    assert "passage" not in json.loads(whole)[0]
    assert len(json.loads(whole)[0]["statements"]) > len(d["statements"])


def test_every_option_of_every_command_has_help() -> None:
    # quotes --kind had none: its --help listed the four kinds and said nothing of them
    import click

    from quotecheck.cli import cli

    missing = []
    for name, cmd in [("quotecheck", cli), *cli.commands.items()]:
        assert cmd.help, name
        for p in cmd.params:
            if isinstance(p, click.Option) and not p.help:
                missing.append(f"{name} {p.opts[-1]}")
    assert missing == []


def test_remove_dash_drops_the_documents_piped_in(db_path: Path) -> None:
    # index - stores under "<stdin>"; remove - said "nothing indexed from there"
    db = str(db_path)
    data = '{"id": "r1", "text": "The Corvale ferry will run every hour."}\n'
    assert run("--db", db, "index", "-", input=data)[0] == 0
    code, _, err = run("--db", db, "remove", "-")
    assert code == 0, err
    assert "removed 1 documents" in err
    _, out, _ = run("--db", db, "stats", "--format", "json")
    assert json.loads(out)[0]["documents"] == 0


def test_reindexing_a_folder_says_which_indexed_files_are_gone(
    corpus_dir: Path, db_path: Path
) -> None:
    # A file deleted from a folder kept its documents in the index (check still cited
    # them) and indexing the folder again said nothing of it
    db = str(db_path)
    assert run("--db", db, "index", str(corpus_dir))[0] == 0
    (corpus_dir / "harbour.txt").unlink()
    code, out, err = run("--db", db, "index", str(corpus_dir))
    assert code == 0 and out == ""
    gone = str(corpus_dir / "harbour.txt")
    assert f"note: 1 file indexed from {corpus_dir} no longer exists ({gone});" in err
    assert err.rstrip().endswith(f"drop them with: quotecheck remove {gone}")
    # the documents are kept until the user drops them, as the note says
    _, out, _ = run("--db", db, "quotes", "--doc", "harbour.txt", "--format", "jsonl")
    assert out.strip()
    assert run("--db", db, "remove", gone)[0] == 0
    code, _, err = run("--db", db, "index", str(corpus_dir))
    assert code == 0 and "no longer exist" not in err


def test_db_option_after_the_command_is_the_index_used(indexed: Path, tmp_path: Path) -> None:
    # "quotecheck check --db x.db ..." was "No such option '--db'" (usage error, exit 2)
    other = tmp_path / "elsewhere.db"
    code, out, err = run("check", "--db", str(indexed), "--format", "jsonl", SAMPLE_QUOTE)
    assert code == 0, err
    assert json.loads(out)["verdict"] == "verbatim"
    # after the command wins over before it; a file that is no index is said so
    code, out, err = run("--db", str(other), "stats", "--format", "json", "--db", str(indexed))
    assert code == 0, err
    assert json.loads(out)[0]["path"] == str(indexed)
    code, _, err = run("--db", str(indexed), "quotes", "--db", str(other))
    assert code == 2 and f"no index at {other}" in err
    for name in ("index", "check", "verify", "quotes", "speakers", "show", "stats", "remove"):
        code, out, _ = run(name, "--help")
        assert code == 0 and "--db FILE" in out, name


def test_index_field_with_an_unknown_name_is_a_usage_error(tmp_path: Path, db_path: Path) -> None:
    # "--field body=vclaim" (no field "body": text=vclaim was meant) was ignored: the file
    # was indexed without the mapping, or skipped for want of a text column, exit 0 or 2
    f = tmp_path / "claims.csv"
    f.write_text("ref,vclaim\nv1,Corvale has a new ferry\n", encoding="utf-8")
    code, out, err = run("--db", str(db_path), "index", "--field", "body=vclaim", str(f))
    assert code == 2 and out == ""
    assert "no field 'body' (fields: id, text, title, date, url, source, speaker)" in err
    assert not db_path.exists()  # nothing done
    code, _, err = run("--db", str(db_path), "index", "--field", "Text=vclaim", str(f))
    assert code == 0, err
    _, out, _ = run("--db", str(db_path), "show", "#1", "--format", "json")
    assert json.loads(out)[0]["text"] == "Corvale has a new ferry"


def test_index_format_on_an_unchanged_file_says_it_was_not_read_again(
    corpus_dir: Path, db_path: Path
) -> None:
    # "index --format transcript hearing.txt" after the file was indexed as an article:
    # the content hash said unchanged, the file was not read again, and nothing said so
    db = str(db_path)
    harbour = str(corpus_dir / "harbour.txt")
    assert run("--db", db, "index", harbour)[0] == 0
    code, _, err = run("--db", db, "index", "--format", "transcript", harbour)
    assert code == 0
    assert (
        f"note: 1 unchanged file was not read again as transcript ({harbour}, indexed as"
        " article); to read it as transcript: quotecheck remove PATH, then index --format"
        " transcript PATH"
    ) in err
    # read the same way as before: nothing to say
    for same in ("article", "text"):
        code, _, err = run("--db", db, "index", "--format", same, harbour)
        assert code == 0 and "note:" not in err, same


def test_folder_of_files_quotecheck_does_not_read_says_what_was_left_out(
    tmp_path: Path, db_path: Path
) -> None:
    # a folder of .epub and .rtf files indexed nothing, and nothing said why
    d = tmp_path / "clippings"
    d.mkdir()
    for name in ("a.epub", "b.epub", "c.rtf", ".hidden.epub"):
        (d / name).write_bytes(b"%PDF-1.4 not read")
    (d / "gone.epub").symlink_to(tmp_path / "nowhere.epub")  # reported as a broken link
    code, out, err = run("--db", str(db_path), "index", str(d))
    assert code == 2 and out == ""  # the broken link
    assert (
        "note: 3 files in the folders left out: quotecheck does not read their types"
        " (.epub 2, .rtf 1); it reads .csv .docx .htm .html"
    ) in err
    (d / "gone.epub").unlink()
    assert "left out" not in run("--db", str(db_path), "index", "-q", str(d))[2]
    code, _, err = run("--db", str(db_path), "index", "--format", "text", str(d))
    assert "left out" not in err  # --format reads them all


def test_index_force_reads_unchanged_files_again_after_an_upgrade(
    tmp_path: Path, db_path: Path
) -> None:
    """An index built by an older quotecheck kept its old statements: unchanged files are
    skipped, so a newer attribution engine never saw them. `index --force` reads them
    again and replaces their documents (no copies). Simulated here by emptying the
    statements of an indexed file."""
    import sqlite3

    f = tmp_path / "harbour.txt"
    f.write_text(
        "Corvale harbour\n\n“The harbour will reopen in May,” Mayor Ilsa Brandt said.\n",
        encoding="utf-8",
    )
    db = str(db_path)
    assert run("--db", db, "index", "-q", str(f))[0] == 0

    def counts() -> tuple[int, int]:
        con = sqlite3.connect(db)
        try:
            docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            stmts = con.execute("SELECT count(*) FROM statements").fetchone()[0]
        finally:
            con.close()
        return docs, stmts

    assert counts() == (1, 1)
    con = sqlite3.connect(db)
    con.execute("DELETE FROM statements")
    con.commit()
    con.close()
    code, _, err = run("--db", db, "index", str(f))
    assert code == 0 and "1 unchanged" in err and counts() == (1, 0)
    code, _, err = run("--db", db, "index", "--force", str(f))
    assert code == 0 and "indexed 1 document" in err, err
    assert counts() == (1, 1)


def test_same_article_under_two_paths_is_one_match(tmp_path: Path, db_path: Path) -> None:
    """Regression: the same article indexed from two folders (a copy, a link, a second
    clone) gave matches #1 and #2 with equal scores; it is one source."""
    text = "Corvale harbour\n\n“The harbour will reopen in May,” Mayor Ilsa Brandt said.\n"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "harbour.txt").write_text(text, encoding="utf-8")
    db = str(db_path)
    assert run("--db", db, "index", "-q", str(tmp_path / "a"), str(tmp_path / "b"))[0] == 0
    code, out, _ = run("--db", db, "check", "--format", "json", "The harbour will reopen in May")
    matches = json.loads(out)[0]["matches"]
    assert code == 0 and len(matches) == 1
    assert matches[0]["document"]["path"].endswith("harbour.txt")


def test_show_json_is_the_contracts_document_and_quotes_records_without_internals(
    indexed: Path, tmp_path: Path
) -> None:
    # show --format json gave the store's row: line_base, body_start, length, hash, and
    # statements with a doc_id but neither their text nor their line
    code, out, _ = run("--db", str(indexed), "show", "harbour.txt", "--format", "json")
    assert code == 0
    (d,) = json.loads(out)
    assert set(d) == {
        "id",
        "path",
        "key",
        "title",
        "date",
        "url",
        "source",
        "format",
        "line",
        "text",
        "statements",
    }
    check_document({k: d[k] for k in ("id", "path", "key", "title", "date", "url")})
    assert (d["format"], d["line"]) == ("article", 1)
    for st in d["statements"]:
        check_quote(st)
        assert st["text"] == d["text"][st["start"] : st["end"]]
    # the same records as quotes gives for the document
    _, listed, _ = run("--db", str(indexed), "quotes", "--doc", "harbour.txt", "--format", "json")
    assert d["statements"] == json.loads(listed)
    assert [st["line"] for st in d["statements"]][:2] == [5, 9]


def test_show_json_of_a_piped_article_has_no_internal_content_key(
    tmp_path: Path, db_path: Path
) -> None:
    # an article piped into index - is stored under a key made of its content: show gave
    # that as the document's "key", which the contract keeps for a record's own id
    text = "Kessel ferry\n\n“The ferry will run every hour,” said Petra Dorn of Kessel.\n"
    code, _, err = run("--db", str(db_path), "index", "--format", "article", "-", input=text)
    assert code == 0, err
    _, out, _ = run("--db", str(db_path), "show", "1", "--format", "json")
    (d,) = json.loads(out)
    assert (d["path"], d["key"], d["format"]) == ("<stdin>", None, "article")
    assert d["statements"][0]["speaker"] == "Petra Dorn"


def test_index_with_another_field_mapping_reads_the_unchanged_file_again_and_says_so(
    tmp_path: Path, db_path: Path
) -> None:
    f = tmp_path / "claims.csv"
    f.write_text(
        "ref,vclaim,summary\nv1,Corvale has a new ferry to Kessel,Ferry news from Corvale\n",
        encoding="utf-8",
    )
    db = str(db_path)
    assert run("--db", db, "index", "--field", "text=vclaim", str(f))[0] == 0
    code, _, err = run("--db", db, "index", "--field", "text=summary", str(f))
    assert code == 0, err
    assert "note: 1 file read again: indexed before with another --field mapping" in err
    assert "text=vclaim then, text=summary now" in err
    _, out, _ = run("--db", db, "show", "claims.csv", "--format", "json")
    assert json.loads(out)[0]["text"] == "Ferry news from Corvale"
    code, _, err = run("--db", db, "index", "--field", "text=summary", str(f))
    assert code == 0 and "note:" not in err and "1 unchanged" in err


def test_check_of_a_tab_transcript_line_without_its_crosstalk_note_is_verbatim(
    tmp_path: Path, db_path: Path
) -> None:
    # the note was compared as the speaker's words: "close", with "CROSSTALK" deleted
    f = tmp_path / "debate.tsv"
    f.write_text(
        "1\tDORN\tWelcome to the Corvale harbour debate.\t0\n"
        "2\tBRANDT\tWe will not sell the lighthouse (CROSSTALK) to anyone in Kessel.\t0\n",
        encoding="utf-8",
    )
    db = str(db_path)
    assert run("--db", db, "index", "--format", "transcript", str(f))[0] == 0
    code, out, _ = run(
        "--db",
        db,
        "check",
        "--format",
        "jsonl",
        "we will not sell the lighthouse to anyone in Kessel",
    )
    r = json.loads(out)
    check_result(r, f.read_text(encoding="utf-8"))
    m = r["matches"][0]
    assert (code, r["verdict"], m["speaker"], m["changes"]) == (0, "verbatim", "Brandt", [])


def test_verify_markdown_draft_reads_speakers_through_bold_italics_and_links(
    indexed: Path, tmp_path: Path
) -> None:
    # "Tomas **Ferreol** said" and "[Ilsa Brandt](https://…) said" named no speaker: a quote
    # given to the wrong person in a Markdown draft passed as "no speaker named"
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Harbour vote\n\n"
        "- “We will not sell the old lighthouse to anyone,” Tomas **Ferreol** said.\n"
        "- “It belongs to the town,” [Ilsa Brandt](https://example.org/brandt) said.\n\n"
        "> Councillor *Tomas Ferreol* said the budget of [12 million crowns](https://example.org/b)"
        " was too high.\n",
        encoding="utf-8",
    )
    text = draft.read_text(encoding="utf-8")
    for args in ([str(draft)], ["-"]):
        code, out, _ = run(
            "--db",
            str(indexed),
            "verify",
            "--format",
            "json",
            *args,
            input=text if args == ["-"] else None,
        )
        rows = json.loads(out)
        got = [(r["draft"]["line"], r["claimed_speaker"], r["attribution"]) for r in rows]
        assert got == [
            (3, "Tomas Ferreol", "misattributed"),
            (4, "Ilsa Brandt", "confirmed"),
            (6, "Tomas Ferreol", "confirmed"),
        ]
        assert code == 1
        for r in rows:  # the draft's own words, markup and all, at its offsets
            assert r["draft"]["text"] == text[r["draft"]["start"] : r["draft"]["end"]]
        assert "[12 million crowns](https://example.org/b)" in rows[2]["draft"]["text"]
        assert "  " not in rows[2]["query"]


def test_verify_plain_text_draft_is_not_read_as_markdown(indexed: Path, tmp_path: Path) -> None:
    # a .txt draft's asterisks are its own: nothing is blanked
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "“We will not sell the old lighthouse to anyone,” Brandt said. *\n", encoding="utf-8"
    )
    code, out, _ = run("--db", str(indexed), "verify", "--format", "json", str(draft))
    (r,) = json.loads(out)
    assert (code, r["claimed_speaker"], r["attribution"]) == (0, "Brandt", "confirmed")


def test_index_headerless_debate_tsv_without_format_flag(tmp_path: Path, db_path: Path) -> None:
    """``quotecheck index debate.tsv`` on ``line<TAB>SPEAKER<TAB>sentence`` rows refused the
    file ("no text column") unless ``--format transcript`` was given."""
    tsv = tmp_path / "debate.tsv"
    tsv.write_text(
        "1\tQUELL\tTonight we welcome Governor Ilsa Brandt and Senator Ondra Valsek.\n"
        "2\tBRANDT\tWe cut harbour fees by twelve percent in my first year.\n"
        "3\tVALSEK\tI voted for the bridge twice, and she knows it.\n",
        encoding="utf-8",
    )
    code, _, err = run("--db", str(db_path), "index", str(tsv))
    assert (code, "indexed 1 documents (3 statements") == (
        0,
        err[: len("indexed 1 documents (3 statements")],
    )
    quote = "We cut harbour fees by twelve percent in my first year."
    code, out, _ = run(
        "--db", str(db_path), "check", "--format", "json", "--speaker", "Ondra Valsek", quote
    )
    (r,) = json.loads(out)
    # exit code 1: the claimed speaker did not say it
    assert (code, r["attribution"], r["matches"][0]["speaker"]) == (
        1,
        "misattributed",
        "Ilsa Brandt",
    )


HELP_FILES = {
    # fictional people and places only
    "hearing.txt": (
        "Corvale harbour hearing\n\n"
        "PETRA DORN: The hearing will come to order.\n"
        "ONDRA VALSEK: Thank you. The pier in Kessel needs repairs this winter.\n"
        "PETRA DORN: How much will they cost?\n"
        "ONDRA VALSEK: About two million crowns.\n"
    ),
    "claims.csv": "claim_id,claim\nc1,Norvania will close the Velmark mine next year\n",
    "records.jsonl": '{"id": "r1", "text": "The Corvale ferry will run every hour."}\n',
    "claims.txt": "we owe it to the American people\nthe talks were businesslike and frank\n",
    "draft.md": (
        "# Harbour vote\n\n"
        "- “We will not sell the old lighthouse to anyone,” Mayor **Ilsa Brandt** told the"
        " council.\n"
    ),
}


def _help_examples(help_text: str) -> list[str]:
    out, inside = [], False
    for line in help_text.splitlines():
        if line.strip() in ("Examples:", "Quick start:"):
            inside = True
        elif inside and line.strip().startswith("quotecheck "):
            out.append(line.strip())
        elif inside:
            inside = False
    return out


def test_every_help_example_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --help examples are what a new user types first: each one, run as printed in a
    # folder holding the files it names, must succeed (exit 0, no error)
    import shlex
    import shutil

    from tests.conftest import ROOT

    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copy(ROOT / "corpus" / "corvale-harbour-plan.txt", tmp_path)
    for name, text in HELP_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    examples = _help_examples(run("--help")[1])
    for name in ("index", "check", "verify", "quotes", "speakers", "show", "stats", "remove"):
        examples += _help_examples(run(name, "--help")[1])
    assert len(examples) >= 12
    for example in examples:
        args = shlex.split(example)[1:]
        stdin = None
        if "<" in args:
            at = args.index("<")
            stdin = Path(args[at + 1]).read_text(encoding="utf-8")
            args = args[:at]
        code, out, err = run(*args, input=stdin)
        assert (code, "Error" in err) == (0, False), (example, err)
        assert out or args[0] == "index", example  # (index reports on stderr)


def test_markdown_article_names_its_speakers_through_bold_and_links(
    tmp_path: Path, db_path: Path
) -> None:
    """Regression: an indexed .md article with "said **Petra Dorn**" and "[Ondra
    Valsek](https://...) told" gave the first quote no speaker and the second no
    statement (the markup hid the names); the stored text keeps its markup."""
    art = tmp_path / "harbour.md"
    art.write_text(
        "# Harbour vote delayed\n\n"
        "“The vote will wait until spring,” said **Petra Dorn**, the harbour master.\n\n"
        "[Ondra Valsek](https://example.org/valsek) told reporters that the ferry would run.\n",
        encoding="utf-8",
    )
    code, _, err = run("--db", str(db_path), "index", str(art))
    assert code == 0, err
    _, out, _ = run("--db", str(db_path), "quotes", "--format", "jsonl")
    got = {r["text"]: r["speaker"] for r in map(json.loads, out.splitlines())}
    assert got == {
        "The vote will wait until spring": "Petra Dorn",
        "the ferry would run": "Ondra Valsek",
    }
    _, out, _ = run("--db", str(db_path), "show", str(art), "--format", "json")
    assert "said **Petra Dorn**" in json.loads(out)[0]["text"]
