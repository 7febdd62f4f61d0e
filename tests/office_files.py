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
