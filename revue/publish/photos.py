"""Photos: find each article's image files, check them, and make the sizes pages show, with Pillow.

An article's photos are the `photos:` entries that name a `file`, in their order, then the images of
its body that name a file and are not listed there. A file is looked for beside the article, then in
`content/medias/`. Each image becomes a few widths (never wider than the file), in WebP and in JPEG
for older browsers, turned upright by its EXIF orientation, with no metadata but the colour profile:
no camera, no date, no GPS position reaches the published files. Same file, same bytes out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from revue.content.files import Listing
from revue.content.model import Article, Photo, PhotoSize, ShownPhoto
from revue.core import messages, urls
from revue.core.digest import digest, installed_version
from revue.core.errors import LineError, Problem
from revue.core.inputfile import read_input
from revue.core.validate import closest_key
from revue.render.markup import RenderedBody
from revue.render.templates import RenderedFile

if TYPE_CHECKING:  # Pillow loads only in a build that has an image to resize
    from PIL import Image

MEDIA_FOLDER = "medias"  # content/medias/: photos shared by several articles
WIDTHS = (360, 720, 1080)  # a phone, the same at 2×, the column on a large screen at about 1.5×
# Pillow refuses images over 179 million pixels as possible decompression bombs; a 200-megapixel
# phone's photo has 199.8 million. A JPEG decodes at an eighth of its width here (`draft`).
MOST_PIXELS = 250_000_000
MOST_BYTES = 200 * 1024 * 1024  # a 200-megapixel phone's JPEG weighs 30 to 60 MB
UNNAMED = "\ue002photo\ue002"  # the photo's name in a reason made before it is known (private use)
WEBP_MOST_PIXELS = 16383  # the longest side a WebP image may have
JPEG_QUALITY = 80
WEBP_QUALITY = 75
# What shapes the published bytes of a photo: this module and Pillow. Not the whole code digest, so
# that editing a template or a message never makes the build resize every photo again.
PHOTO_CODE = digest(Path(__file__).read_bytes(), f"Pillow=={installed_version('Pillow')}", str(WIDTHS))


@dataclass(frozen=True)
class PhotoFile:
    """An image file that a published article shows: its name under content/ and its bytes."""

    name: str
    raw: bytes
    key: str  # digest of the bytes and of PHOTO_CODE: names the sizes, in the cache and in output/


@dataclass(frozen=True)
class PhotosFound:
    """Every published article's photos with their files, what is wrong with them, and what they use."""

    photos: dict[str, tuple[tuple[Photo, PhotoFile], ...]]  # by slug, in the order pages show them
    problems: list[Problem]
    used: frozenset[str]  # names under content/ that some article (drafts included) shows


Sizes = tuple[tuple[int, int, bytes, bytes], ...]  # width, height, WebP bytes, JPEG bytes; narrowest first


def _article_photos(article: Article, body: RenderedBody) -> list[Photo]:
    """The photos with a file: front matter entries (alt text taken from the body when only it gives
    one), then images of the body that the front matter does not list."""
    listed = [photo for photo in article.photos if photo.file]
    in_body = {image.file: image for image in body.images}
    photos = [
        Photo(
            p.caption, p.credit, p.file, p.alt or (in_body[p.file].alt if p.file in in_body else ""), p.line
        )
        for p in listed
    ]
    named = {photo.file for photo in listed}
    for image in body.images:
        if image.file not in named:
            named.add(image.file)
            line = article.body_line + image.line - 1
            photos.append(Photo(image.title, "", image.file, image.alt, line))
    return photos


def _locate(file: str, article: Article, content: Path, root: Path) -> str | None:
    """The name under content/ of the file an article names: beside it, else in content/medias/;
    never a file outside content/ (`../secret.jpg`)."""
    inside = content.resolve()
    for candidate in ((root / article.path).parent / file, content / MEDIA_FOLDER / file):
        path = candidate.resolve()
        if path.is_relative_to(inside) and path.is_file():
            return path.relative_to(inside).as_posix()
    return None


def _closest_file(file: str, article: Article, content: Path, root: Path) -> str | None:
    """The image file an editor probably meant: `barage.jpg` for `barrage.jpg`, `riziere.JPG` for
    `riziere.jpg`, beside the article or in content/medias/."""
    folders = ((root / article.path).parent, content / MEDIA_FOLDER)
    names = sorted({p.name for folder in folders if folder.is_dir() for p in folder.iterdir() if p.is_file()})
    by_folded = {name.casefold(): name for name in names}
    close = closest_key(file.casefold(), tuple(by_folded))
    return by_folded[close] if close is not None else None


def find_photos(
    articles: tuple[Article, ...],
    drafts: list[Article],
    bodies: dict[str, RenderedBody],
    content: Path,
    root: Path,
) -> PhotosFound:
    """Each published article's photos and their bytes, each file read once; a missing file or alt
    text is a problem at the line that names it. `drafts` only count as users of their listed files."""
    photos: dict[str, tuple[tuple[Photo, PhotoFile], ...]] = {}
    problems: list[Problem] = []
    files: dict[str, PhotoFile] = {}
    used: set[str] = set()
    for article in articles:
        found = []
        for photo in _article_photos(article, bodies[article.slug]):
            where = messages.in_body if photo.line >= article.body_line else _photo_key
            name = _locate(photo.file, article, content, root)
            if (
                name is None
            ):  # a misspelled name in the text: its alt text, listed under the right name, is not missing
                beside = article.path.parent.as_posix() + "/"
                close = _closest_file(photo.file, article, content, root)
                problems.append(
                    Problem(
                        article.path, photo.line, where(messages.photo_not_found(photo.file, beside, close))
                    )
                )
                continue
            if not photo.alt:
                problems.append(
                    Problem(article.path, photo.line, where(messages.photo_alt_missing(photo.file)))
                )
            used.add(name)
            if name not in files:
                try:
                    raw = read_input(content / name, MOST_BYTES)
                except OSError as error:
                    reason = messages.photo_unreadable(photo.file, messages.system_error(error))
                    problems.append(Problem(article.path, photo.line, where(reason)))
                    continue
                except LineError as error:  # not a regular file (since it was found), or too heavy
                    problems.append(
                        Problem(
                            article.path, photo.line, where(messages.photo_refused(photo.file, error.message))
                        )
                    )
                    continue
                files[name] = PhotoFile(name, raw, digest(PHOTO_CODE, raw))
            found.append((photo, files[name]))
        photos[article.slug] = tuple(found)
    for draft in drafts:
        used.update(name for p in draft.photos if p.file and (name := _locate(p.file, draft, content, root)))
    return PhotosFound(photos, problems, frozenset(used))


def _photo_key(problem: str) -> str:
    return messages.key_problem("photos", problem)


def unused_images(listing: Listing, used: frozenset[str], content: Path, root: Path) -> list[Problem]:
    """A warning for each image of content/ that no article shows."""
    shown = content.relative_to(root) if content.is_relative_to(root) else content
    return [
        Problem(shown / media.name, None, messages.UNUSED_PHOTO)
        for media in listing.media
        if media.name not in used
    ]


def make_sizes(raw: bytes) -> Sizes | str:
    """Every width of one image, upright and without metadata; or why Pillow cannot read it, UNNAMED
    standing for the photo's name (kept by the image's digest, it may be shown under other names)."""
    import warnings

    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():  # between half and all of MOST_PIXELS, Pillow warns
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = MOST_PIXELS // 2  # Pillow refuses beyond twice this
            opened = Image.open(io.BytesIO(raw))
        with opened:
            opened.draft("RGB", (WIDTHS[-1], WIDTHS[-1]))  # a JPEG decodes at 1/2, 1/4… when that suffices
            upright = ImageOps.exif_transpose(opened)
            profile = opened.info.get("icc_profile") if opened.mode == "RGB" else None
            image = _flattened(upright)
    except UnidentifiedImageError:
        return messages.photo_unreadable(UNNAMED, messages.UNKNOWN_IMAGE_FORMAT)
    except Image.DecompressionBombError:
        Image.MAX_IMAGE_PIXELS = None  # to read the size its header gives; nothing is decoded
        with Image.open(io.BytesIO(raw)) as header:
            return messages.photo_too_large(UNNAMED, header.width * header.height, MOST_PIXELS)
    except (OSError, ValueError, SyntaxError) as error:
        return messages.photo_unreadable(UNNAMED, f"Pillow : {error}")
    # A phone's full-page screenshot is taller than WebP allows at the column's width: its sizes are
    # made narrower, as tall as WebP allows; only an image too thin to keep one pixel is refused.
    widest = image.width * WEBP_MOST_PIXELS // image.height
    if widest < 1:
        return messages.photo_too_thin(UNNAMED, image.width, image.height)
    sizes = []
    for width in sorted({min(width, image.width, widest) for width in WIDTHS}):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
        resized.info = {}  # nothing of the source's metadata rides along
        extra = {"icc_profile": profile} if profile else {}
        webp, jpeg = io.BytesIO(), io.BytesIO()
        resized.save(webp, "WEBP", quality=WEBP_QUALITY, method=4, exact=False, **extra)
        resized.save(jpeg, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, **extra)
        sizes.append((width, height, webp.getvalue(), jpeg.getvalue()))
    return tuple(sizes)


def _flattened(image: Image.Image) -> Image.Image:
    """RGB pixels: transparency laid on white (JPEG has none), other modes converted."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB") if image.mode != "RGB" else image.copy()


def _published_name(file: PhotoFile, width: int, suffix: str) -> str:
    """`photos/pont-de-long-bien-3f2a9c1d0b-720.webp`: readable, and new whenever the bytes are."""
    stem = urls.slug(PurePosixPath(file.name).stem) or "photo"
    return urls.photo(f"{stem}-{file.key[:10]}-{width}.{suffix}")


def publish_photos(
    found: PhotosFound, made: dict[str, Sizes | str], articles: tuple[Article, ...]
) -> tuple[dict[str, tuple[ShownPhoto, ...]], list[RenderedFile], list[Problem]]:
    """The photos as pages show them, by slug; their files; and each image Pillow could not read, at
    every line that names it."""
    shown: dict[str, tuple[ShownPhoto, ...]] = {}
    files: dict[str, RenderedFile] = {}
    problems = []
    paths = {article.slug: article for article in articles}
    for slug, photos in found.photos.items():
        article, kept = paths[slug], []
        for photo, file in photos:
            sizes = made[file.key]
            if isinstance(sizes, str):
                where = messages.in_body if photo.line >= article.body_line else _photo_key
                problems.append(Problem(article.path, photo.line, where(sizes.replace(UNNAMED, photo.file))))
                continue
            published = []
            for width, height, webp, jpeg in sizes:
                names = _published_name(file, width, "webp"), _published_name(file, width, "jpg")
                files.update({names[0]: RenderedFile(names[0], webp), names[1]: RenderedFile(names[1], jpeg)})
                published.append(PhotoSize(width, height, *names))
            kept.append(ShownPhoto(photo, tuple(published)))
        shown[slug] = tuple(kept)
    return shown, sorted(files.values(), key=lambda file: file.path), problems
