"""Word (.docx) and OpenDocument (.odt) files: read as articles or transcripts, with the
standard library. All people and places are fictional."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

from quotecheck.errors import InputError
from quotecheck.model import Document
from quotecheck.readers import office, read_file
from tests.conftest import run
from tests.office_files import docx_paragraph, write_docx, write_odt

STORY = [
    "Corvale pier reopens",
    "The north pier reopened on Saturday after the storm.",
    "“We owe it to every fisherman in this town,” said Mayor Ilsa Brandt.",
    "Harbour master Ondra Valsek said the first ferry\nwould dock on Monday.",
]


def read(path: Path) -> list[Document | InputError]:
    return list(read_file(str(path), path.read_bytes(), None, {}))


def test_docx_paragraphs_are_the_article_and_the_first_is_its_headline(tmp_path: Path) -> None:
    write_docx(tmp_path / "story.docx", STORY)
    (d,) = read(tmp_path / "story.docx")
    assert isinstance(d, Document) and d.format == "article"
    assert d.title == "Corvale pier reopens"
    assert d.text == (
        "Corvale pier reopens\n\nThe north pier reopened on Saturday after the storm.\n\n"
        "“We owe it to every fisherman in this town,” said Mayor Ilsa Brandt.\n\n"
        "Harbour master Ondra Valsek said the first ferry\nwould dock on Monday.\n"
    )


def test_docx_title_property_names_the_document(tmp_path: Path) -> None:
    write_docx(tmp_path / "d.docx", STORY, title="Pier story, final")
    (d,) = read(tmp_path / "d.docx")
    assert isinstance(d, Document) and d.title == "Pier story, final"


def test_docx_leaves_out_deleted_text_field_codes_and_keeps_tables_and_text_boxes(
    tmp_path: Path,
) -> None:
    body = (
        docx_paragraph("Kessel budget") + "<w:p><w:r><w:t>The council </w:t></w:r>"
        '<w:del w:id="1"><w:r><w:delText>never </w:delText></w:r></w:del>'
        '<w:ins w:id="2"><w:r><w:t>finally </w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        "<w:r><w:t>approved it.</w:t></w:r>"
        "<w:r><w:pict><w:txbxContent>"
        + docx_paragraph("A text box aside.")
        + "</w:txbxContent></w:pict></w:r></w:p>"
        "<w:tbl><w:tr><w:tc>"
        + docx_paragraph("Cell one")
        + "</w:tc><w:tc>"
        + docx_paragraph("Cell two")
        + "</w:tc></w:tr></w:tbl>"
    )
    write_docx(tmp_path / "b.docx", body)
    (d,) = read(tmp_path / "b.docx")
    assert isinstance(d, Document)
    assert d.text.split("\n\n") == [
        "Kessel budget",
        "The council finally approved it.",
        "A text box aside.",
        "Cell one",
        "Cell two\n",
    ]


def test_docx_interview_with_speaker_labels_is_a_transcript(tmp_path: Path) -> None:
    write_docx(
        tmp_path / "interview.docx",
        [
            "PETRA DORN: The ferry will run every hour.",
            "TOMAS FERREOL: Not before the pier is safe.",
            "PETRA DORN: It is safe now.",
            "TOMAS FERREOL: Then we agree.",
        ],
    )
    (d,) = read(tmp_path / "interview.docx")
    assert isinstance(d, Document) and d.format == "transcript"
    assert [s.speaker for s in d.statements if s.kind == "transcript"] == [
        "Petra Dorn",
        "Tomas Ferreol",
        "Petra Dorn",
        "Tomas Ferreol",
    ]


def test_odt_paragraphs_spaces_and_line_breaks_without_footnotes(tmp_path: Path) -> None:
    write_odt(
        tmp_path / "s.odt",
        '<text:h text:outline-level="1">Velmark vote</text:h>'
        '<text:p>“We won,”<text:s text:c="2"/>said <text:span>Tamsin Orrel</text:span>.'
        "<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>"
        "<text:line-break/>Counting ended at midnight.</text:p>",
    )
    (d,) = read(tmp_path / "s.odt")
    assert isinstance(d, Document)
    assert d.text == "Velmark vote\n\n“We won,” said Tamsin Orrel.\nCounting ended at midnight.\n"


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("a.docx", b"PK\x03\x04 not really a zip", "a.docx: not a readable .docx file ("),
        ("b.docx", b"", "b.docx: not a readable .docx file ("),
        ("c.odt", b"%PDF-1.4", "c.odt: not a readable .odt file ("),
    ],
)
def test_broken_office_file_is_a_one_line_error(name: str, data: bytes, error: str) -> None:
    (err,) = list(read_file(name, data, None, {}))
    assert isinstance(err, InputError)
    assert str(err).startswith(error) and "\n" not in str(err)


def test_zip_without_the_document_part_or_with_broken_xml_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "other.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "hi")
    (err,) = read(p)
    assert str(err) == f"{p}: not a .docx file (no word/document.xml in it), skipped"
    write_docx(p, "<w:p><w:r><w:t>unclosed</w:r></w:p>")
    (err,) = read(p)
    assert isinstance(err, InputError) and "broken XML" in str(err)


def test_docx_unpacking_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_docx(tmp_path / "big.docx", ["x" * 5000])
    monkeypatch.setattr(office, "MAX_XML_BYTES", 1000)
    (err,) = read(tmp_path / "big.docx")
    assert isinstance(err, InputError) and "unpacked, skipped" in str(err)


def test_index_and_verify_a_word_draft(tmp_path: Path, db_path: Path) -> None:
    """A .docx was 'unknown file type' to index, and verify asked to convert it first."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_docx(corpus / "story.docx", STORY)
    code, _, err = run("--db", str(db_path), "index", str(corpus))
    assert code == 0, err
    draft = tmp_path / "draft.docx"
    write_docx(
        draft,
        ["Pier draft", "“We owe it to every fisherman in this town,” Valsek said."],
    )
    code, out, _ = run("--db", str(db_path), "verify", "--format", "json", str(draft))
    (r,) = json.loads(out)
    assert (code, r["attribution"], r["matches"][0]["speaker"]) == (
        1,
        "misattributed",
        "Ilsa Brandt",
    )
    assert r["draft"]["line"] == 3
    code, out, _ = run(
        "--db", str(db_path), "verify", "--format", "json", "-", input=draft.read_bytes()
    )
    (r,) = json.loads(out)
    assert (code, r["attribution"]) == (1, "misattributed")


# ---------------------------------------------------------------- PDF (the pdf extra)

# the pdf extra (installed with the test extra): without it only the PDF tests are skipped
needs_pypdf = pytest.mark.skipif(
    importlib.util.find_spec("pypdf") is None, reason="pypdf (the pdf extra) not installed"
)

HEADER = "CORVALE HERALD  |  Saturday 14 March"
PDF_PAGES = [
    [
        HEADER,
        "Corvale pier reopens after the storm",
        "The north pier in Corvale reopened on Saturday, three months after a storm tore",
        "away its last forty metres and left the fishing fleet without a safe berth for",
        "the winter.",
        "“We owe it to every fisherman in this town,” said Mayor Ilsa Brandt, who cut the",
        "ribbon on the rebuilt pier in front of a crowd of some two hundred people. The recon-",
        "struction had cost less than planned, she said.",
        "1",
    ],
    [
        HEADER,
        "Harbourmaster Ondra Valsek said the first ferry from Kessel would dock on Monday",
        "morning, and that the fares would not rise before the end of the year, whatever",
        "2",
    ],
    [
        HEADER,
        "the council decides about the harbour's long-",
        "term reconstruction budget in April.",
        "3",
    ],
]


@needs_pypdf
def test_pdf_lines_become_paragraphs_without_headers_and_page_numbers(tmp_path: Path) -> None:
    from tests.office_files import write_pdf

    write_pdf(tmp_path / "story.pdf", PDF_PAGES)
    (d,) = read(tmp_path / "story.pdf")
    assert isinstance(d, Document) and d.format == "article"
    assert d.title == "Corvale pier reopens after the storm"
    assert d.text.split("\n\n") == [
        "Corvale pier reopens after the storm",
        "The north pier in Corvale reopened on Saturday, three months after a storm tore"
        " away its last forty metres and left the fishing fleet without a safe berth for"
        " the winter.",
        "“We owe it to every fisherman in this town,” said Mayor Ilsa Brandt, who cut the"
        " ribbon on the rebuilt pier in front of a crowd of some two hundred people. The"
        " reconstruction had cost less than planned, she said.",
        "Harbourmaster Ondra Valsek said the first ferry from Kessel would dock on Monday"
        " morning, and that the fares would not rise before the end of the year, whatever"
        " the council decides about the harbour's long-term reconstruction budget in April.\n",
    ]


@needs_pypdf
def test_pdf_title_property_and_transcript_labels(tmp_path: Path) -> None:
    from tests.office_files import write_pdf

    write_pdf(tmp_path / "t.pdf", PDF_PAGES[:1], title="Pier story")
    (d,) = read(tmp_path / "t.pdf")
    assert isinstance(d, Document) and d.title == "Pier story"
    write_pdf(
        tmp_path / "hearing.pdf",
        [
            [
                "PETRA DORN: The ferry will run every hour from the first of May, and the fares",
                "will stay where they are.",
                "TOMAS FERREOL: Not before the pier is safe.",
                "PETRA DORN: It is safe now.",
                "TOMAS FERREOL: Then we agree.",
            ]
        ],
    )
    (d,) = read(tmp_path / "hearing.pdf")
    assert isinstance(d, Document) and d.format == "transcript"
    assert [(s.speaker, d.text[s.start : s.end]) for s in d.statements][:2] == [
        (
            "Petra Dorn",
            "The ferry will run every hour from the first of May, and the fares will stay"
            " where they are.",
        ),
        ("Tomas Ferreol", "Not before the pier is safe."),
    ]


@needs_pypdf
def test_broken_pdf_is_a_one_line_error() -> None:
    (err,) = list(read_file("x.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", None, {}))
    assert isinstance(err, InputError)
    assert str(err).startswith("x.pdf: ") and "\n" not in str(err)


@needs_pypdf
def test_pdf_without_the_extra_is_skipped_with_how_to_install_and_the_rest_indexed(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from tests.office_files import write_pdf

    monkeypatch.setitem(sys.modules, "pypdf", None)
    corpus = tmp_path / "c"
    corpus.mkdir()
    write_pdf(corpus / "a.pdf", PDF_PAGES)
    (corpus / "b.txt").write_text("Kessel\n\nThe mayor of Kessel said the road was open.\n")
    code, _, err = run("--db", str(db_path), "index", str(corpus))
    assert code == 2
    assert (
        f"{corpus / 'a.pdf'}: reading PDF needs the pdf extra: pip install 'quotecheck[pdf]'" in err
    )
    assert "indexed 1 documents" in err


@needs_pypdf
def test_verify_a_pdf_draft(tmp_path: Path, db_path: Path) -> None:
    from tests.office_files import write_pdf

    corpus = tmp_path / "c"
    corpus.mkdir()
    write_pdf(corpus / "story.pdf", PDF_PAGES)
    assert run("--db", str(db_path), "index", str(corpus))[0] == 0
    draft = tmp_path / "draft.pdf"
    write_pdf(draft, [["“We owe it to every fisherman in this town,” Valsek said."]])
    code, out, _ = run("--db", str(db_path), "verify", "--format", "json", str(draft))
    (r,) = json.loads(out)
    assert (code, r["attribution"], r["matches"][0]["speaker"]) == (
        1,
        "misattributed",
        "Ilsa Brandt",
    )


# Review findings (stop 17)


def test_odt_comments_and_image_titles_are_no_text(tmp_path: Path) -> None:
    write_odt(
        tmp_path / "a.odt",
        '<text:p xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
        ' xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">'
        "“We will rebuild the pier,” said Ilsa Brandt."
        "<office:annotation><text:p>Check this quote with her office</text:p></office:annotation>"
        "<draw:frame><svg:title>Photo: the pier</svg:title><svg:desc>Brandt at the pier</svg:desc>"
        "</draw:frame> The mayor agreed.</text:p>",
    )
    (d,) = read(tmp_path / "a.odt")
    assert isinstance(d, Document)
    assert d.text == "“We will rebuild the pier,” said Ilsa Brandt. The mayor agreed.\n"


def test_docx_text_box_fallback_and_moved_away_text_are_not_doubled(tmp_path: Path) -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    body = (
        docx_paragraph("Ferry times change")
        + f'<w:p><w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps">'
        + "<w:txbxContent>"
        + docx_paragraph("Box: Kessel in numbers")
        + "</w:txbxContent></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + docx_paragraph("Box: Kessel in numbers")
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        + '<w:moveFrom w:id="1">'
        + docx_paragraph("“The pier is safe,” said Ondra Valsek.")
        + '</w:moveFrom><w:moveTo w:id="2">'
        + docx_paragraph("“The pier is safe,” said Ondra Valsek.")
        + "</w:moveTo>"
    )
    write_docx(tmp_path / "b.docx", body)
    (d,) = read(tmp_path / "b.docx")
    assert isinstance(d, Document)
    assert d.text.count("Box: Kessel in numbers") == 1
    assert d.text.count("The pier is safe") == 1


def test_docx_with_a_broken_or_boilerplate_title_property_keeps_its_text(tmp_path: Path) -> None:
    p = tmp_path / "c.docx"
    write_docx(p, ["Kessel ferry to stop", "The ferry stops."], title="Press release template")
    (d,) = read(p)
    assert isinstance(d, Document) and d.title == "Kessel ferry to stop"
    with zipfile.ZipFile(p) as z:
        document = z.read("word/document.xml")
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", document)
        z.writestr("docProps/core.xml", "<cp:coreProperties><dc:title>x</dc:title>")
    (d,) = read(p)
    assert isinstance(d, Document) and d.text.startswith("Kessel ferry to stop")


def test_docx_with_an_encrypted_member_is_a_one_line_error(tmp_path: Path) -> None:
    p = tmp_path / "enc.docx"
    data = bytearray(write_docx(p, ["Kessel"]))
    for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the 'encrypted' flag bit
        i = data.find(sig)
        while i >= 0:
            data[i + at] |= 1
            i = data.find(sig, i + 1)
    p.write_bytes(bytes(data))
    (err,) = read(p)
    assert isinstance(err, InputError)
    assert str(err).startswith(f"{p}: not a readable .docx file (") and "\n" not in str(err)


def test_docx_with_a_large_first_member_is_known_on_stdin(tmp_path: Path) -> None:
    from quotecheck.readers import word_processor_file

    p = tmp_path / "thumb.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("docProps/thumbnail.jpeg", bytes(range(256)) * 64)
        z.writestr("word/document.xml", f'<w:document xmlns:w="{office._W[1:-1]}"/>')
    assert word_processor_file(p.read_bytes()) == "a Word document (.docx)"


@needs_pypdf
def test_pdf_speaker_line_repeated_on_every_page_is_kept(tmp_path: Path) -> None:
    from tests.office_files import write_pdf

    pages = [
        [
            "HARBOUR BOARD HEARING",
            f"BRANDT: Question {i} is about the pier budget for the coming year, and the ferry.",
            "VALSEK: No.",
            f"BRANDT: Then we move on to item {i}.",
            str(i + 1),
        ]
        for i in range(4)
    ]
    write_pdf(tmp_path / "t.pdf", pages)
    (d,) = read(tmp_path / "t.pdf")
    assert isinstance(d, Document)
    assert [s.speaker for s in d.statements].count("Valsek") == 4
    assert "HARBOUR BOARD HEARING" not in d.text


@needs_pypdf
def test_pdf_title_left_by_a_word_processor_is_not_the_title(tmp_path: Path) -> None:
    from tests.office_files import write_pdf

    write_pdf(tmp_path / "n.pdf", [PDF_PAGES[0][1:]], title="Microsoft Word - pier_draft3.docx")
    (d,) = read(tmp_path / "n.pdf")
    assert isinstance(d, Document) and d.title == "Corvale pier reopens after the storm"
