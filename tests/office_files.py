"""Minimal Word (.docx) and OpenDocument (.odt) files for the reader tests, written with
zipfile as the word processors lay them out (only the parts the reader uses)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_paragraph(text: str) -> str:
    """A ``w:p`` of one run; a newline in ``text`` is a ``w:br`` line break."""
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(t)}</w:t>' for t in text.split("\n"))
    return f"<w:p><w:r>{runs}</w:r></w:p>"


def write_docx(path: Path, body: str | list[str], title: str | None = None) -> bytes:
    """A .docx whose body is ``body`` (raw WordprocessingML, or paragraphs of text)."""
    xml = body if isinstance(body, str) else "".join(docx_paragraph(p) for p in body)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}">'
            f"<w:body>{xml}</w:body></w:document>",
        )
        if title is not None:
            z.writestr(
                "docProps/core.xml",
                '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats'
                '.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/'
                f'elements/1.1/"><dc:title>{escape(title)}</dc:title></cp:coreProperties>',
            )
    return path.read_bytes()


TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def write_odt(path: Path, body: str) -> bytes:
    """An .odt whose office:text holds ``body`` (raw ODF XML with the ``text:`` prefix)."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
            f'"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="{TEXT_NS}">'
            f"<office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>",
        )
    return path.read_bytes()


def write_pdf(path: Path, pages: list[list[str]], title: str | None = None) -> bytes:
    """A PDF of ``pages``, each a list of text lines set in Helvetica 11 pt, one under the
    other (as a word processor lays out a page), with a Title property if given."""

    def esc(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: list[bytes] = []
    kids = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    for i, lines in enumerate(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        kids.append(f"{page_id} 0 R")
        ops = " ".join(f"({esc(ln)}) Tj T*" for ln in lines)
        stream = f"BT /F1 11 Tf 14 TL 72 760 Td {ops} ET".encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R"
            f" /Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    info = f"<< /Title ({esc(title)}) >>".encode() if title else None
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n_pages} >>".encode(),
    ]
    body = head + objects + ([info] if info else [])
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(body, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(body) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    trailer = f"<< /Size {len(body) + 1} /Root 1 0 R"
    if info:
        trailer += f" /Info {len(body)} 0 R"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return bytes(out)
