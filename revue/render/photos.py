"""Photos in an article's HTML: each token the body left (markup.photo_token) becomes the photo.

On the page, a photo alone in its paragraph is a `<figure>` with its caption and credit; one inside a
sentence is the picture alone. Listed photos the body does not place follow the text. Every picture
offers WebP with JPEG for older browsers, every width (`srcset`, `sizes`), and its `width`/`height`
so that nothing moves when it arrives; all but the first load lazily. Feeds get one absolute JPEG.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import escape

from revue.render.markup import PHOTO_TOKEN, BodyImage
from revue.render.typography import french_text
from revue.site.model import ShownPhoto

# The width a photo takes: the text column (main's 65ch less its padding), or the screen less its margins.
SIZES = "(min-width: 40rem) 36rem, calc(100vw - 2rem)"
# A token alone in its paragraph (group 1: the image's index), or within a sentence (group 2).
TOKEN_IN_PLACE = re.compile(rf"<p>\s*{PHOTO_TOKEN.pattern}\s*</p>|{PHOTO_TOKEN.pattern}")


def srcset(photo: ShownPhoto, href: Callable[[str], str], kind: str) -> str:
    return ", ".join(f"{href(getattr(size, kind))} {size.width}w" for size in photo.sizes)


def picture(photo: ShownPhoto, href: Callable[[str], str], first: bool) -> str:
    largest = photo.largest
    middle = photo.sizes[len(photo.sizes) // 2]  # what a browser that ignores srcset shows
    loading = ' fetchpriority="high"' if first else ' loading="lazy"'
    return (
        f'<picture><source type="image/webp" srcset="{srcset(photo, href, "webp")}" sizes="{SIZES}">'
        f'<img src="{href(middle.jpeg)}" srcset="{srcset(photo, href, "jpeg")}" sizes="{SIZES}" '
        f'width="{largest.width}" height="{largest.height}" alt="{escape(french_text(photo.photo.alt))}"'
        f'{loading} decoding="async"></picture>'
    )


def caption(photo: ShownPhoto) -> str:
    text = escape(french_text(photo.photo.caption))
    credit = (
        f'<span class="credit">(Photo&#8239;: {escape(photo.photo.credit)})</span>'
        if photo.photo.credit
        else ""
    )
    both = f"{text} {credit}" if text and credit else text or credit
    return f"<figcaption>{both}</figcaption>" if both else ""


def place_photos(
    html: str,
    images: tuple[BodyImage, ...],
    photos: tuple[ShownPhoto, ...],
    href: Callable[[str], str],
    in_feed: bool = False,
) -> str:
    """A body's HTML (`images`: its photo tokens) with its photos in place, and the listed photos it
    does not place after it."""
    if not images and not photos:  # most articles: every build asks for each of them
        return html
    by_file = {photo.photo.file: photo for photo in photos}
    placed = {image.file for image in images}
    shown = 0

    def image(photo: ShownPhoto) -> str:
        nonlocal shown
        shown += 1
        if not in_feed:
            return picture(photo, href, first=shown == 1)
        size = photo.sizes[len(photo.sizes) // 2]
        alt = escape(french_text(photo.photo.alt))
        return f'<img src="{href(size.jpeg)}" width="{size.width}" height="{size.height}" alt="{alt}">'

    def figure(photo: ShownPhoto) -> str:
        return f'<figure class="photo">{image(photo)}{caption(photo)}</figure>'

    def token(match: re.Match[str]) -> str:
        photo = by_file.get(images[int(match[1] or match[2])].file)
        if photo is None:  # only when the build found a problem with it, and stopped
            return ""
        return figure(photo) if match[1] else image(photo)

    html = TOKEN_IN_PLACE.sub(token, html) if images else html
    rest = "".join(figure(photo) for photo in photos if photo.photo.file not in placed)
    return html + ("\n" + rest if rest else "")
