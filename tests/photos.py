"""Photos for tests, made with Pillow when a test runs (no image is committed), and an article showing three."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageChops

from revue.core.project import Project

PHOTO_ARTICLE = "visite-en-photos"
# GPS IFD tags: latitude ref and latitude (Hanoï, 21° 1' 42" N), what a phone writes into every photo.
GPS_IFD, GPS_LATITUDE_REF, GPS_LATITUDE = 0x8825, 1, 2
ORIENTATION = 0x0112


def photo(width: int, height: int, seed: int = 0, fmt: str = "JPEG", exif: Image.Exif | None = None) -> bytes:
    """An image with detail at every scale, as a photograph has, so that its sizes weigh what a real
    photo's do (about 50 KB in WebP at 720 px); the same seed gives the same bytes."""
    rng = random.Random(seed)
    channels = []
    for _ in range(3):
        layer = Image.new("L", (width, height), 128)
        for scale, weight in ((64, 0.5), (16, 0.5), (4, 0.15), (1, 0.12)):
            small = (max(1, width // scale), max(1, height // scale))
            noise = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
            layer = ImageChops.blend(layer, noise.resize((width, height), Image.Resampling.BICUBIC), weight)
        channels.append(layer)
    out = io.BytesIO()
    extra = {"exif": exif} if exif is not None else {}
    Image.merge("RGB", channels).save(out, fmt, **({"quality": 92} if fmt == "JPEG" else {}), **extra)
    return out.getvalue()


def gps_exif() -> Image.Exif:
    """EXIF data with a camera model and a GPS position: none of it may reach the published files."""
    exif = Image.Exif()
    exif[0x0110] = "Appareil de test"  # Model
    exif.get_ifd(GPS_IFD).update({GPS_LATITUDE_REF: "N", GPS_LATITUDE: (21.0, 1.0, 42.0)})
    return exif


def add_photo_article(project: Project) -> Path:
    """`content/visite-en-photos.md` with three photos: two beside it (listed; one placed in the text),
    one in content/medias/ placed by the body alone."""
    (project.content / "medias").mkdir(exist_ok=True)
    (project.content / "pont.jpg").write_bytes(photo(2000, 1333, seed=1, exif=gps_exif()))
    (project.content / "port.jpg").write_bytes(photo(1600, 1200, seed=2))
    (project.content / "medias" / "rizieres.png").write_bytes(photo(1200, 800, seed=3, fmt="PNG"))
    article = project.content / f"{PHOTO_ARTICLE}.md"
    article.write_text(
        "---\n"
        'title: "Une visite à Hanoï en trois photos"\n'
        "date: 2024-03-01\n"
        "countries: [Japon]\n"
        "place: Hanoï\n"
        'summary: "Le ministre japonais a visité le pont Long Bien, le port de Hai Phong et les rizières."\n'
        f"slug: {PHOTO_ARTICLE}\n"
        "photos:\n"
        "  - file: pont.jpg\n"
        '    alt: "Le pont Long Bien au lever du jour, vu depuis la rive du fleuve Rouge"\n'
        '    caption: "Le pont Long Bien, à Hanoï"\n'
        "    credit: VNA\n"
        "  - file: port.jpg\n"
        '    alt: "Des grues et des conteneurs sur les quais du port de Hai Phong"\n'
        '    caption: "Le port de Hai Phong"\n'
        "    credit: VNA\n"
        "---\n"
        "Hanoï (VNA) – Le ministre japonais a commencé sa visite par le pont Long Bien.\n\n"
        "![](pont.jpg)\n\n"
        "Il s’est ensuite rendu au port de Hai Phong, puis dans les rizières du Nord.\n\n"
        '![Des rizières en terrasses vertes à flanc de colline](rizieres.png "Les rizières du Nord")\n\n'
        "Les deux pays ont signé un accord de coopération portuaire.\n",
        encoding="utf-8",
    )
    return article
