"""Photos in an article's HTML: each token the body left (markup.photo_token) becomes the photo.

On the page, the article's first photo opens it, under its title (`lead_figure`), as news sites show
their lead photo: in the first screen. Of the others, a photo alone in its paragraph is a `<figure>`
with its caption and credit; one inside a sentence is the picture alone. Listed photos the body does
not place follow the text. Every picture offers WebP with JPEG for older browsers, every width
(`srcset`, `sizes`), and its `width`/`height` so that nothing moves when it arrives; all but the first
load lazily. Lists show each article's first photo small (`thumbnail`). Feeds get one absolute JPEG,
each photo where the body places it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from revue.content.model import Photo, ShownPhoto
from revue.render.markup import PHOTO_TOKEN, BodyImage
from revue.render.typography import french_text

# The width a photo takes: the text column (main's 65ch less its padding), or the screen less its margins.
SIZES = "(min-width: 40rem) 36rem, calc(100vw - 2rem)"
THUMBNAIL_SIZES = "7rem"  # `.card .thumb` in style.css
LISTED_EAGER = 3  # list entries whose thumbnail may be in the first screen: loaded at once
# A token alone in its paragraph (group 1: the image's index), or within a sentence (group 2).
TOKEN_IN_PLACE = re.compile(rf"<p>\s*{PHOTO_TOKEN.pattern}\s*</p>|{PHOTO_TOKEN.pattern}")


def srcset(photo: ShownPhoto, href: Callable[[str], str], kind: str) -> str:
    return ", ".join(f"{href(getattr(size, kind))} {size.width}w" for size in photo.sizes)


def picture(
    photo: ShownPhoto, href: Callable[[str], str], first: bool, sizes: str = SIZES, alt: str | None = None
) -> str:
    """Every size of the photo; the first of a page is fetched first, the others when the reader nears them."""
    largest = photo.largest
    middle = photo.sizes[len(photo.sizes) // 2]  # what a browser that ignores srcset shows
    loading = ' fetchpriority="high"' if first else ' loading="lazy"'
    alt = escape(french_text(photo.photo.alt)) if alt is None else alt
    return (
        f'<picture><source type="image/webp" srcset="{srcset(photo, href, "webp")}" sizes="{sizes}">'
        f'<img src="{href(middle.jpeg)}" srcset="{srcset(photo, href, "jpeg")}" sizes="{sizes}" '
        f'width="{largest.width}" height="{largest.height}" alt="{alt}"'
        f'{loading} decoding="async"></picture>'
    )


def thumbnail(photo: ShownPhoto, position: int, lead: bool, href: Callable[[str], str]) -> Markup:
    """An article's first photo in a list, beside its title: small, loaded at once for the first few
    entries (`position` from 0) and lazily below. Its alt text is empty: the title beside it names the
    article, and a screen reader would otherwise read each card's photo before it. The `lead` entry
    (the home page's first) is as wide as the column."""
    if lead:
        return Markup(picture(photo, href, first=True, alt=""))
    shown = picture(photo, href, first=False, sizes=THUMBNAIL_SIZES, alt="")
    return Markup(shown.replace(' loading="lazy"', "") if position < LISTED_EAGER else shown)


def figure(photo: ShownPhoto, image: str, in_feed: bool = False) -> str:
    return f'<figure class="photo">{image}{caption(photo, in_feed)}</figure>'


def lead_figure(photos: tuple[ShownPhoto, ...], href: Callable[[str], str]) -> Markup:
    """The article's first photo with its caption, for the top of its page; nothing without a photo."""
    return Markup(figure(photos[0], picture(photos[0], href, first=True)) if photos else "")


def caption(photo: ShownPhoto, in_feed: bool = False) -> str:
    text = escape(french_text(photo.photo.caption))
    label = photo_credit(photo.photo, in_feed) if photo.photo.credit else ""
    both = f"{text} {label}" if text and label else text or label
    return f"<figcaption>{both}</figcaption>" if both else ""


def photo_credit(photo: Photo, in_feed: bool = False) -> Markup:
    """« (Photo : VNA) »: the site's label for whose photo it is, not the article's words, so out of the
    search index and its excerpts (the caption stays in). A feed, which no index reads, gets it bare."""
    ignored = "" if in_feed else " data-pagefind-ignore"
    return Markup(f'<span class="credit"{ignored}>(Photo&#8239;: {escape(photo.credit)})</span>')


def place_photos(
    html: str,
    images: tuple[BodyImage, ...],
    photos: tuple[ShownPhoto, ...],
    href: Callable[[str], str],
    in_feed: bool = False,
) -> str:
    """A body's HTML (`images`: its photo tokens) with its photos in place, and the listed photos it
    does not place after it. On the page, the first photo is not in the body: `lead_figure` shows it
    above; a feed shows it where the body places it."""
    if not images and not photos:  # most articles: every build asks for each of them
        return html
    by_file = {photo.photo.file: photo for photo in photos}
    lead = None if in_feed else photos[0].photo.file if photos else None
    placed = {image.file for image in images}

    def image(photo: ShownPhoto) -> str:
        if not in_feed:
            return picture(photo, href, first=False)
        size = photo.sizes[len(photo.sizes) // 2]
        alt = escape(french_text(photo.photo.alt))
        return f'<img src="{href(size.jpeg)}" width="{size.width}" height="{size.height}" alt="{alt}">'

    def token(match: re.Match[str]) -> str:
        photo = by_file.get(images[int(match[1] or match[2])].file)
        if photo is None or photo.photo.file == lead:  # a problem stopped the build; or shown above
            return ""
        return figure(photo, image(photo), in_feed) if match[1] else image(photo)

    html = TOKEN_IN_PLACE.sub(token, html) if images else html
    rest = "".join(
        figure(photo, image(photo), in_feed) for photo in photos if photo.photo.file not in placed | {lead}
    )
    return html + ("\n" + rest if rest else "")
