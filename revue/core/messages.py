"""Every message an editor reads, in French, in one place: what each command prints, and each problem.

A problem reads `path:line: what is wrong — how to fix it`; `Problem.__str__` adds `path:line:`, the
functions here give the rest. Keys are named as editors type them (`date:`, `countries:`), what to
type is in backticks, what the editor wrote is quoted « like this ».

Typography, decided once: ’ for apostrophes, « » for quotes, and a space before `:`, `;`, `?` and `!`,
as French writes them, but ordinary spaces throughout: these lines go to terminals, CI logs and the
preview's overlay, where a no-break space is invisible, cannot be typed to search for a message, and
buys nothing (nothing wraps them). Plurals are written out (`1 problème`, `2 problèmes`), not `(s)`.

No import of a library at module level: `build.py` reads this file to say that the libraries are
missing.
"""

from __future__ import annotations

import errno
import unicodedata
from collections.abc import Iterable
from datetime import date

from revue.core.months import MONTH_NAMES, DayMonth


def count(number: int, singular: str, plural: str | None = None) -> str:
    """`1 problème`, `0 brouillon`, `2 problèmes`: French keeps 0 and 1 in the singular."""
    return f"{number} {singular if number < 2 else plural or singular + 's'}"


def grouped(number: int) -> str:
    """`100 000`: thousands grouped by an ordinary space (see Typography, above)."""
    return f"{number:,}".replace(",", " ")


# Characters a message shows by their escape (`\n`, `\x0b`, `\ud800`): line breaks, controls, surrogates,
# which a terminal would not show as themselves (or could not print at all).
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def visible(text: object) -> str:
    """`text` with each character a terminal would not show written as Python escapes it: `abc\n`."""
    return "".join(
        repr(character)[1:-1] if unicodedata.category(character) in INVISIBLE_CATEGORIES else character
        for character in str(text)
    )


def quoted(text: object) -> str:
    """What the editor wrote, as a message quotes it: `« Japn »`, `« abc\n »`."""
    return f"« {visible(text)} »"


def listed(words: Iterable[str]) -> str:
    return ", ".join(words)


# --- Dates, web addresses, keys: one wording wherever an editor makes the mistake ------------------


def not_a_date(text: str) -> str:
    return f"{quoted(text)} n’est pas une date — écrivez-la AAAA-MM-JJ, par exemple 2023-02-09"


def date_written_otherwise(text: str, iso: str) -> str:
    """`12 mars 2024`, `2024-3-5`, `05/03/2024`: the date meant, written as the site reads it."""
    return f"{quoted(text)} n’est pas écrite AAAA-MM-JJ — écrivez `{iso}`"


def date_with_odd_dashes(text: str, iso: str) -> str:
    return (
        f"{quoted(text)} est écrite avec des tirets ou des traits d’union insécables (‑), que l’on ne "
        f"distingue pas du trait d’union — retapez-la : `{iso}`"
    )


def day_not_in_month(text: str, day: str, month: int, year: int, days: int) -> str:
    """`31/02/2024`: « le 31 février n’existe pas »."""
    return (
        f"{quoted(text)} n’est pas une date réelle : le {day} n’existe pas — {MONTH_NAMES[month - 1]} {year} "
        f"compte {days} jours ; écrivez la date AAAA-MM-JJ"
    )


def month_not_real(text: str) -> str:
    return f"{quoted(text)} n’est pas une date réelle — le mois vient en second, de 01 à 12"


def date_not_real(text: str, month: int, year: int, days: int) -> str:
    """`« 2016-02-30 » … février 2016 compte 29 jours`."""
    return f"{quoted(text)} n’est pas une date réelle — {MONTH_NAMES[month - 1]} {year} compte {days} jours"


def year_out_of_range(text: str, first: int, last: int) -> str:
    """`« 0024-05-01 »`, `« 2204-05-01 »`: a year the digest cannot hold is a typo."""
    if int(text[:4]) < 1000:  # a year cut short
        return f"{quoted(text)} tombe avant {first}, où commence la revue — vérifiez l’année, écrite en entier (2024, pas 0024)"
    if int(text[:4]) < first:
        return f"{quoted(text)} tombe avant {first}, où commence la revue — vérifiez l’année : la revue suit les relations du Vietnam depuis {first}"
    return f"{quoted(text)} tombe après {last} — vérifiez l’année (2024, pas 2204)"


def partial_month_not_real(text: str) -> str:
    return f"{quoted(text)} n’est pas un jour réel — le mois vient en second, de 01 à 12"


def partial_day_not_real(text: str, month: int, days: int) -> str:
    return f"{quoted(text)} n’est pas un jour réel — le jour vient en dernier, de 01 à {days} en {MONTH_NAMES[month - 1]}"


YEAR_PLACEHOLDER = "20AA"  # where the year goes, in a date to complete: `20AA-11-14`


def write_the_year(day: str, placeholder: str) -> str:
    """What to do with a day whose year the text does not give (the import report and `check`)."""
    return f"le texte donne le {day} ; écrivez l’année : {placeholder}"


def date_has_no_year(written: str, what_to_do: str) -> str:
    return f"date: {quoted(written)} n’a pas d’année — {what_to_do}"


def not_a_web_address(value: object) -> str:
    return (
        f"{quoted(value)} n’est pas une adresse web — écrivez-la en entier, sans espace, "
        "en commençant par https://"
    )


def unknown_key(key: str, close: str | None, known: Iterable[str]) -> str:
    """`champ inconnu « titel » — vouliez-vous dire « title » ?`, or the list of known keys."""
    hint = f"vouliez-vous dire {quoted(close)} ?" if close else f"champs possibles : {listed(known)}"
    return f"champ inconnu {quoted(key)} — {hint}"


def key_problem(key: str, problem: str) -> str:
    """A problem with the value of `key`, named as the editor typed it: `date: « … » n’est pas…`."""
    return f"{key}: {problem}"


# --- Files: encoding, YAML, front matter ----------------------------------------------------------


def not_utf8(byte: int | None = None) -> str:
    which = f" (octet 0x{byte:02x})" if byte is not None else ""
    return f"n’est pas un texte UTF-8{which} — enregistrez le fichier en UTF-8"


NOT_A_MAPPING = "des lignes `champ: valeur` sont attendues ici — écrivez un champ par ligne, par exemple `date: 2023-02-09`"


def refused_character(code: int) -> str:
    """A character no page or feed can carry (`validate.refused_character`), by what it is."""
    if 0xD800 <= code <= 0xDFFF:  # a lone surrogate: a YAML `\ud800`, or a byte of another encoding
        return f"un caractère incomplet (U+{code:04X}), que rien ne peut afficher"
    if code in (0x0B, 0x0C):
        return f"un saut de ligne de Word (U+{code:04X}), invisible"
    if code < 0xA0:
        return f"un caractère de contrôle invisible (U+{code:04X})"
    return f"un non-caractère Unicode (U+{code:04X}), invisible"


def control_character(code: int) -> str:
    return f"contient {refused_character(code)} — retapez la ligne sans lui"


def escaped_control_character(key: str, code: int) -> str:
    """A YAML escape between double quotes (`"\\x01"`, `\\e`, `\\ud800`) that writes such a character."""
    return (
        f"{key}: une séquence `\\…` entre guillemets y écrit {refused_character(code)} — "
        "retirez-la : les pages et les flux ne peuvent pas le porter"
    )


SPACE_INDENT = (
    "une espace insécable en début de ligne, invisible, que YAML ne lit pas comme une espace — "
    "retapez l’indentation avec des espaces ordinaires"
)


def space_after_key(key: str) -> str:
    return (
        f"{key}: une espace insécable suit `{key}:`, invisible, que YAML ne lit pas comme une espace — "
        f"retapez l’espace après `{key}:` (une espace ordinaire)"
    )


def curly_quotes(key: str, value: str) -> str:
    """`title: “Vietnam : un partenaire”`, pasted from Word: typographic quotes are letters to YAML."""
    straight = value.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f"{key}: la valeur est entre guillemets typographiques (ceux de Word), que YAML ne lit pas comme des "
        f'guillemets — écrivez des guillemets droits : `{key}: "{straight}"`'
    )


TAB_INDENT = "une tabulation en début de ligne — indentez avec des espaces"


def key_repeated(key: str, first: int) -> str:
    return f"{key}: ce champ est déjà écrit ligne {first} — gardez une seule des deux lignes"


def value_holds_colon(key: str) -> str:
    return f'{key}: la valeur contient « : » — mettez toute la valeur entre guillemets : `{key}: "…"`'


def quote_never_closed(key: str, quote: str) -> str:
    return f"{key}: la valeur ouverte par {quote} n’est jamais refermée — terminez-la par {quote}"


def quote_closes_early(key: str, quote: str) -> str:
    if quote == "'":
        return (
            f"{key}: l’apostrophe ' ferme la valeur avant la fin de la ligne — écrivez la valeur entre "
            f"guillemets : `{key}: \"…\"`, ou doublez chaque apostrophe intérieure : ''"
        )
    return (
        f'{key}: le guillemet " ferme la valeur avant la fin de la ligne — à l’intérieur, citez avec « … » '
        f'(ou écrivez \\" pour chaque guillemet intérieur)'
    )


def bracket_never_closed(key: str, opening: str) -> str:
    closing = {"[": "]", "{": "}"}[opening]
    return f"{key}: la liste ouverte par {opening} n’est jamais refermée — terminez-la par {closing}"


YAML_ALIAS = (
    "une valeur commence par *, que YAML lit comme un renvoi à une autre valeur (un alias), ce que Revue "
    'n’accepte pas — écrivez la valeur en entier, entre guillemets si elle commence par * : `"*…*"`'
)


def yaml_too_deep(most: int) -> str:
    return (
        f"des listes ou des champs imbriqués sur plus de {most} niveaux, quand Revue en lit 3 au plus (une "
        "photo, dans `photos:`) — vérifiez les crochets et l’indentation"
    )


YAML_SYNTAX = "cette ligne ne se lit pas comme `champ: valeur` — vérifiez les guillemets, les deux-points et l’indentation"


NO_FRONT_MATTER = "pas d’en-tête — commencez le fichier par une ligne `---`, puis les champs, puis `---`"
FRONT_MATTER_NOT_CLOSED = (
    "l’en-tête ouvert par `---` n’est jamais fermé — ajoutez une ligne `---` après le dernier champ"
)


# --- Partners (countries, organisations) ----------------------------------------------------------


def home_country(name: str) -> str:
    return f"{quoted(name)} est le pays du site, pas un partenaire — retirez-le"


def several_partners(name: str, parts: list[str], only_countries: bool) -> str:
    what = "pays" if only_countries else "partenaires"
    return f"{quoted(name)} nomme {len(parts)} {what} — écrivez-les un par un : {listed(parts)}"


def partner_misspelled(name: str, close: str, organisation: bool) -> str:
    known = "une organisation connue" if organisation else "un pays connu"
    return f"{quoted(name)} n’est pas {known} — vouliez-vous dire {quoted(close)} ?"


def partner_unknown(name: str) -> str:
    return (
        f"{quoted(name)} n’est ni un pays ni une organisation que le site connaît — vérifiez "
        "l’orthographe, ou écrivez le nom français tel que le site l’affiche, par exemple `Japon`, "
        "`Corée du Sud` ou `Union européenne`"
    )


# --- site.yaml ------------------------------------------------------------------------------------

SITE_YAML_MISSING = (
    "introuvable — lancez la commande dans le dossier du projet, ou indiquez-le : --root DOSSIER"
)


def text_setting_missing(key: str) -> str:
    return f'{key}: champ absent ou vide — écrivez-le entre guillemets, par exemple `{key}: "…"`'


def count_setting_missing(key: str) -> str:
    return f"{key}: champ absent — ajoutez une ligne comme `{key}: 10`"


def timezone_unknown(value: object) -> str:
    return (
        f"{quoted(value)} n’est pas un fuseau horaire connu — écrivez son nom IANA, comme "
        "`Asia/Ho_Chi_Minh` ou `Europe/Paris` (il fixe le jour où paraît un article programmé)"
    )


def count_setting_invalid(key: str, value: object) -> str:
    return f"{key}: {quoted(value)} n’est pas un nombre entier d’au moins 1 — écrivez par exemple `{key}: 10`"


def base_url_invalid(value: object) -> str:
    return f"{quoted(value)} n’est pas une adresse web complète — écrivez par exemple https://org.github.io/repo/"


def home_country_unknown(value: object) -> str:
    if value is None:
        return "home_country: champ absent — ajoutez une ligne `home_country: VN` (le code ISO du pays)"
    return f"home_country: {quoted(value)} n’est pas un pays connu — écrivez son code ISO, par exemple VN"


# --- content/: which files are articles -----------------------------------------------------------


def markdown_misnamed(name: str) -> str:
    return f"fichier laissé de côté — seuls les fichiers .md sont des articles : renommez-le {name} pour le publier"


NOT_AN_ARTICLE = (
    "fichier laissé de côté, ce n’est pas un article (.md) — rangez-le hors de content/ pour ne plus voir "
    "cet avertissement"
)


def name_refused(code: int) -> str:
    """A name of content/ that is not UTF-8 (its bytes come as surrogates), or holds a control character."""
    if 0xDC80 <= code <= 0xDCFF:
        return f"ce nom n’est pas écrit en UTF-8 (octet 0x{code - 0xDC00:02x}) — renommez-le"
    return f"ce nom contient {refused_character(code)} — renommez-le"


def project_folder_refused(folder: str, code: int) -> str:
    """The project's folder (`--root`, or the current one) has such a name: pages and caches would hold it."""
    return f"le dossier du projet, {quoted(folder)} : {name_refused(code)}"


def names_collide(other: object, decomposed: bool | None) -> str:
    """Two names of content/ that macOS and Windows take for one. `decomposed`: None when they differ by
    capitals; else whether this name writes its accents as a letter then the accent (NFD, macOS's way)."""
    if decomposed is None:
        how = "que par les majuscules"
    else:
        this, that = ("deux caractères (la lettre puis l’accent, NFD)", "un seul (NFC)")
        if not decomposed:
            this, that = that, this
        how = f"que par ses accents, écrits ici en {this}, là en {that}"
    return (
        f"ne diffère de {other} {how} : sur macOS et Windows, c’est le même fichier, et l’un des deux "
        "serait perdu — renommez l’un des deux en retapant son nom"
    )


SKIPPED_NOT_REGULAR = (
    "laissé de côté, ce n’est pas un fichier ordinaire (un tube, un périphérique ou une socket) — "
    "remplacez-le par un fichier, ou supprimez-le"
)
NOT_A_READABLE_FILE = (
    "lien laissé de côté, il ne mène pas à un fichier (mais à rien, à un dossier ou à lui-même) — "
    "remplacez-le par le fichier, ou supprimez-le"
)


NOT_A_REGULAR_FILE = (
    "n’est pas un fichier ordinaire (un tube, un périphérique ou une socket), il ne se lit pas — "
    "remplacez-le par un fichier, ou supprimez-le"
)


def mebibytes(size: int) -> str:
    """`1 Mio`, `3,2 Mio`: sizes as a French file manager shows them."""
    value = f"{size / 1024 / 1024:.1f}".removesuffix(".0").replace(".", ",")
    return f"{value} Mio"


def file_too_large(size: int, limit: int) -> str:
    return (
        f"pèse {mebibytes(size)}, au-delà des {mebibytes(limit)} que Revue lit d’un tel fichier — "
        "vérifiez que c’est le bon fichier, ou allégez-le"
    )


def cannot_read(reason: str) -> str:
    return f"illisible ({reason}) — vérifiez ses droits d’accès"


CHANGED_DURING_BUILD = (
    "modifié ou supprimé pendant la construction — relancez-la : elle prendra sa version enregistrée"
)


# --- Articles: front matter and body --------------------------------------------------------------

NO_BODY = "l’article n’a pas de texte — écrivez-le sous la ligne `---` qui ferme l’en-tête"
PLACEHOLDER_LEFT = (
    "l’article contient encore le texte d’exemple écrit par `new` — remplacez-le par le texte de l’article"
)
TITLE_MISSING = 'title: champ absent ou vide — ajoutez une ligne comme `title: "Le titre de l’article"`'
DATE_MISSING = "date: champ absent — ajoutez une ligne comme `date: 2023-02-09` (AAAA-MM-JJ)"
COUNTRIES_MISSING = "countries: champ absent ou vide — indiquez les partenaires, pays ou organisations, par exemple `countries: [Japon]`"
SOURCE_NOT_A_MAPPING = "source: les champs attendus sont agency, url et seed — par exemple `source: {agency: VNA, url: https://…}`"
PHOTOS_INVALID = (
    'photos: une liste de photos est attendue, chacune avec ses champs — une photo : `{file: pont.jpg, alt: "Ce que montre la photo", '
    'caption: "Légende", credit: "VNA"}` ; une légende de l’agence sans image : `{caption: "Légende", credit: "VNA"}`'
)


def body_too_long(length: int, most: int) -> str:
    return (
        f"le texte compte {grouped(length)} caractères, au-delà des {grouped(most)} qu’un article peut "
        "compter — coupez-le en plusieurs articles"
    )


def body_nested_too_deep(most: int) -> str:
    return (
        f"une liste ou une citation imbriquée sur plus de {most} niveaux — un article en compte 2 ou 3 : "
        "retirez les retraits ou les > en trop"
    )


def body_rescanned(opener: str) -> str:
    return (
        f"à cette ligne, des {opener} jamais refermés, ou imbriqués par milliers, feraient relire le texte "
        f"des milliers de fois à la mise en forme — refermez-les, ou écrivez `\\{opener}` pour montrer le "
        "caractère lui-même"
    )


# --- Photos: image files of content/ shown in an article ------------------------------------------


def photo_alt_missing(file: str) -> str:
    return (
        f"la photo {quoted(file)} n’a pas de texte alternatif — décrivez ce qu’elle montre pour qui ne la voit "
        f'pas : `alt: "…"` dans `photos:`, ou `![description]({file})` dans le texte'
    )


def photo_not_found(file: str, beside: str, close: str | None) -> str:
    if close:
        return f"la photo {quoted(file)} est introuvable — vouliez-vous dire {quoted(close)} ?"
    return (
        f"la photo {quoted(file)} est introuvable — placez le fichier dans {beside} (à côté de l’article) "
        "ou dans content/medias/, ou corrigez son nom (majuscules et extension comprises)"
    )


def photo_unreadable(file: str, reason: str) -> str:
    return (
        f"la photo {quoted(file)} n’est pas une image lisible ({reason}) — enregistrez-la de nouveau en JPEG, "
        "PNG ou WebP depuis un logiciel de photo"
    )


def photo_refused(file: str, reason: str) -> str:
    """A photo file Revue does not read: `reason` is `inputfile`'s (« pèse 250 Mio, au-delà… »)."""
    return f"la photo {quoted(file)} {reason}"


def photo_too_large(file: str, pixels: int, most: int) -> str:
    return (
        f"la photo {quoted(file)} compte {pixels / 1e6:.0f} millions de pixels, plus que les "
        f"{most / 1e6:.0f} millions que Revue accepte — réduisez-la dans un logiciel de photo "
        "(4 000 pixels de large suffisent : le site la montre sur 1 080 au plus)"
    )


def photo_too_thin(file: str, width: int, height: int) -> str:
    return (
        f"la photo {quoted(file)} fait {grouped(width)} × {grouped(height)} pixels, trop mince pour être "
        "publiée (une page web ne peut la montrer qu’en moins d’un pixel de large) — recadrez-la dans un "
        "logiciel de photo"
    )


UNKNOWN_IMAGE_FORMAT = "ni JPEG, ni PNG, ni WebP, ni GIF, ou fichier abîmé"


def in_body(problem: str) -> str:
    """A problem with an image placed in the body, `![…](…)`, rather than listed under `photos:`."""
    return f"image dans le texte : {problem}"


UNUSED_PHOTO = (
    "image laissée de côté, aucun article ne l’utilise — ajoutez-la aux `photos:` d’un article ou placez-la "
    "dans son texte avec `![description](nom.jpg)`, sinon rangez-la hors de content/"
)


def updated_before_date(updated: str, date: str) -> str:
    return (
        f"updated: {quoted(updated)} est avant la date de l’article ({date}) — `updated` est le jour de la "
        "dernière correction : écrivez-le, ou retirez la ligne"
    )


def updated_in_future(updated: str, today: date) -> str:
    return (
        f"updated: {quoted(updated)} est dans le futur (nous sommes le {french_day(today)}) — écrivez le jour "
        "de la correction, au plus tard aujourd’hui"
    )


def unpaired_quote(key: str) -> str:
    return (
        f'{key}: un guillemet " est seul — mettez toute la valeur entre guillemets, ou retirez ce guillemet'
    )


def draft_not_boolean(value: object) -> str:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):  # `draft: "false"`
        return f"draft: {quoted(value)} est entre guillemets, donc un texte — écrivez `draft: {value.strip().lower()}` sans guillemets"
    return f"draft: {quoted(value)} n’est ni true ni false — écrivez `draft: true` ou `draft: false`"


def not_text(key: str, value: object) -> str:
    return f"{key}: {quoted(repr(value))} n’est pas un texte — écrivez-le entre guillemets"


def slug_characters(value: object, example: str) -> str:
    return (
        f"slug: {quoted(value)} ne peut contenir que a-z, 0-9 et des traits d’union — "
        f"par exemple `slug: {example}`"
    )


NO_SLUG_FROM_TITLE = (
    "ni le titre ni le nom du fichier n’ont de lettre ou de chiffre pour faire l’adresse de l’article — "
    "écrivez-la : `slug: mots-de-l-adresse`"
)


def slug_too_long(length: int, limit: int, example: str) -> str:
    return f"slug: {length} caractères, plus que {limit} — raccourcissez-le, par exemple `slug: {example}`"


def duplicate_slug(slug: str, first: object) -> str:
    return (
        f"le slug {quoted(slug)} est déjà celui de {first} — donnez à cet article son propre `slug:` "
        "(ou un autre titre)"
    )


def alias_not_an_address(value: object, example: str) -> str:
    return (
        f"aliases: {quoted(value)} n’est pas une ancienne adresse d’article — écrivez l’ancien slug, "
        f"ou l’ancienne adresse /articles/ancien-slug/ : par exemple `aliases: [{example or 'ancien-slug'}]`"
    )


def alias_too_long(length: int, limit: int) -> str:
    return (
        f"aliases: une ancienne adresse de {length} caractères, plus que les {limit} d’un slug — aucun "
        "article n’a jamais eu cette adresse : copiez de nouveau l’ancien slug"
    )


def alias_is_own_slug(alias: str) -> str:
    return f"aliases: {quoted(alias)} est le slug actuel de cet article — retirez-le de `aliases:`"


def alias_is_a_slug(alias: str, owner: object) -> str:
    return (
        f"aliases: {quoted(alias)} est le slug actuel de {owner} — une adresse ne mène qu’à un article : "
        f"retirez-la de `aliases:`, ou, si c’est {owner} qui a pris cette adresse par erreur, donnez-lui "
        "un autre `slug:`"
    )


def alias_taken(alias: str, first: object) -> str:
    return (
        f"aliases: {quoted(alias)} est déjà une ancienne adresse de {first} — une adresse ne mène "
        "qu’à un article : gardez-la dans un seul des deux"
    )


# --- seeds/sources.yaml ---------------------------------------------------------------------------


def seed_entry_problem(seed: str, problem: str) -> str:
    """A problem in one seed's entry, named as the editor typed it: `005.txt: date: « hier » …`."""
    return f"{seed}: {problem}"


SEED_ENTRY_NOT_A_MAPPING = (
    "les lignes `date:` et `url:` manquent — écrivez-les en dessous, indentées de deux espaces"
)


def seed_url_invalid(problem: str) -> str:
    return f"url: {problem}, ou écrivez `url: null`"


def seed_not_found(folder: object) -> str:
    return f"aucun fichier de ce nom dans {folder}/ — corrigez le nom du fichier, ou retirez cette entrée"


# --- seeds/imported.yaml: the seeds already imported ----------------------------------------------

IMPORTED_YAML = "seeds/imported.yaml"
# The comment `import` writes at the top of seeds/imported.yaml, one line each.
IMPORTED_YAML_HEADER = (
    "Les textes de seeds/ déjà importés dans content/, et l’article que chacun est devenu.",
    "Écrit par `python build.py import` : un texte listé ici n’est plus jamais importé,",
    "même si son article est supprimé. Pour importer un texte de nouveau, supprimez sa ligne.",
)


def imported_entry_not_a_path(seed: str) -> str:
    return (
        f"{seed}: le nom de l’article importé manque — écrivez-le après les deux-points "
        f"(`{seed}: content/article.md`), ou supprimez la ligne pour importer ce texte de nouveau"
    )


IMPORT_PULL_REQUEST = "Textes de l’agence à relire"  # the title of the pull request the import workflow opens
SEED_NOT_IMPORTED = (
    "texte de l’agence pas encore importé, donc pas publié — importez-le avec `python build.py import`, puis "
    f"relisez l’article créé dans content/ ; sur GitHub, relisez et fusionnez la demande « {IMPORT_PULL_REQUEST} »"
)


def seeds_deleted(seeds: Iterable[tuple[object, str]]) -> str:
    """Seeds imported once whose article was deleted: not published, and how to import one again."""
    seeds = list(seeds)
    named = listed(f"{seed} (devenu {path})" for seed, path in seeds)
    return (
        f"{count(len(seeds), 'texte importé dont l’article a été supprimé', 'textes importés dont l’article a été supprimé')}"
        f", donc pas publié : {named} — pour en importer un de nouveau, retirez sa ligne de {IMPORTED_YAML}"
        " puis lancez `python build.py import`"
    )


# --- Agency texts (seeds/*.txt) ------------------------------------------------------------------

SEED_EMPTY = "ne contient aucun texte — collez-y l’article : son titre sur la première ligne, puis son texte"
SEED_TITLE_ONLY = "a un titre mais pas de paragraphes — collez le texte de l’article sous son titre"
SEED_DATELINE_ONLY = "l’article a une attaque mais pas de texte — collez le texte de l’article"


def seed_title_without_words(title: str) -> str:
    return f"le titre {quoted(title)} n’a ni lettre ni chiffre pour nommer le fichier — donnez-lui des mots"


def same_file_as(target: object, other_seed: str) -> str:
    return f"son titre donne {target}, comme celui de {other_seed} — changez l’un des deux titres"


def file_taken(target: object) -> str:
    return f"{target} existe déjà et ne vient pas de ce texte — renommez ce fichier, ou changez le titre du texte"


# --- The import report: what the importer decided about each seed, and why ------------------------


def several(items: Iterable[str]) -> str:
    return " ; ".join(items)


def seed_imported(seed: str, path: str) -> str:
    return f"{seed} → {path}"


def seed_kept(seed: str, path: str, why: str) -> str:
    return f"{seed}: {path} gardé tel quel ({why})"


def seed_not_imported_again(seed: str, path: str) -> str:
    return (
        f"{seed}: déjà importé dans {path}, supprimé depuis : pas importé de nouveau — pour l’importer "
        f"de nouveau, retirez sa ligne de {IMPORTED_YAML}"
    )


EDITED_SINCE_IMPORT = "modifié depuis l’import : jamais écrasé"
UNCHANGED_SINCE_IMPORT = "inchangé depuis l’import"


def date_unknown(path: str) -> str:
    return f"inconnue — importé en brouillon (`draft: true`) : remplissez `date` dans {path}"


def imported_without_year(placeholder: str, what_to_do: str) -> str:
    return f"{placeholder}, importé en brouillon (`draft: true`) — {what_to_do}"


NO_COUNTRY_FOUND = "aucun trouvé — remplissez `countries`"


def report_evidence(evidence: str) -> str:
    return f"indice : {evidence}"


def report_set_aside(what: str) -> str:
    return f"écarté : {what}"


def report_partner(country: str, reason: str) -> str:
    return f"{country} : {reason}"


def report_venue(country: str, reason: str) -> str:
    return f"écarté : {country}, {reason}"


def report_dropped(line: int, excerpt: str, why: str) -> str:
    return f"laissé de côté, ligne {line} : {quoted(excerpt)} — {why}"


def report_repairs(repairs: list[str]) -> str:
    return f"mots séparés ({len(repairs)}) : {several(repairs)}"


# Where in an agency text something was found.
IN_TITLE = "titre"
IN_STANDFIRST = "chapeau"
IN_DATELINE = "attaque"
IN_TEXT = "texte"


def in_paragraph(number: int) -> str:
    return f"paragraphe {number}"


def in_caption(number: int) -> str:
    return f"légende {number}"


def found_in(where: str, written: str) -> str:
    """`paragraphe 2 : « le 29 octobre »`."""
    return f"{where} : {quoted(written)}"


# How the text names a partner (detect's kinds of naming).
NAMING_KINDS = {"name": "nom", "adjective": "adjectif", "compound": "nom composé"}


def partner_named(kind: str, written: str, where: str, mentions: int) -> str:
    more = f", {mentions} mentions en tout" if mentions > 1 else ""
    return f"{NAMING_KINDS[kind]} {quoted(written)} ({where}){more}"


def venue_only(venues: Iterable[tuple[str, str]]) -> str:
    named = several(f"{quoted(written)} ({where})" for written, where in venues)
    return f"nommé seulement comme lieu de l’article ou de l’événement : {named}"


# Why a day the text mentions is not the event's day.
A_RANGE = "une période, pas un jour"
PERIOD_EDGE = "le début ou la fin d’une période"
IN_BRACKETS = "entre parenthèses : un anniversaire ou une date passée"
EARLIER_EVENT = "un événement antérieur"
PAST_YEAR = "une année passée, citée en passant"
NO_SUCH_DAY = "ce jour n’existe pas"


def another_day(word: str) -> str:
    return f"{quoted(word)} : un autre jour que celui de l’événement"


def set_aside_day(where: str, written: str, why: str) -> str:
    return f"{found_in(where, written)} — {why}"


def year_from_anniversary(anniversary: str, founded: str) -> str:
    return f"année tirée de {quoted(f'{anniversary} … {founded}')}"


def year_from_weekday(year: int, weekday: str) -> str:
    return f"année {year} : la plus récente que nomme le texte, et le jour y tombe bien un {weekday}"


def no_day_in_text(only: str | None) -> str:
    return "pas de jour ni de mois dans le texte" + (f", seulement {only}" if only else "")


def day_does_not_exist(evidence: str) -> str:
    return f"{evidence} : {NO_SUCH_DAY}"


ORIGIN_TEXT = "texte"  # the date came from the text itself (else from `sources.yaml`)


def date_contradicted(said: str, known: str, origin: str) -> str:
    return f"le texte dit {said}, mais la date est {known} ({origin}) : vérifiez `date`"


def weekday_contradicted(weekday: str, where: str, known: str, known_weekday: str, origin: str) -> str:
    return f"le texte dit {weekday} ({where}), mais le {known} est un {known_weekday} ({origin}) : vérifiez `date`"


# What the parser of an agency text noticed, for the editor to check.
TITLE_BEFORE_PHOTO = (
    "pas de ligne de titre : le titre est le texte qui précède le premier « ảnh » d’une légende — vérifiez-le"
)
NO_DATELINE = "aucune attaque comme « Hanoï (VNA) – » n’ouvre le premier paragraphe : `place` reste vide"
TITLE_FROM_SENTENCE = (
    "pas de ligne de titre : le titre est la première phrase de l’article — écrivez-en un vrai"
)
NO_STANDFIRST = "pas de chapeau entre le titre et l’article : `summary` reprend le premier paragraphe"


def kept_after_sign_off(paragraphs: int) -> str:
    if paragraphs == 1:
        return "1 paragraphe gardé après la signature : vérifiez qu’il fait partie de l’article"
    return f"{paragraphs} paragraphes gardés après la signature : vérifiez qu’ils font partie de l’article"


# Why a line of an agency text was left out of the article.
def teasers_follow(lines: int) -> str:
    return f"les annonces d’autres articles qui suivent le sont aussi : {count(lines, 'ligne')}"


LINK_TO_ANOTHER = "lien vers un autre article"
FOOTER = "pied de page, après la signature"
TEASER_CAPTION = "légende d’une annonce d’un autre article, après la signature"
TEASER = "annonce d’un autre article, après la signature (titre et paragraphe)"
TEASER_HEADLINE = "titre d’une annonce d’un autre article, après la signature"
CREDIT_ALONE = "crédit photo sans légende"


# --- `new` ----------------------------------------------------------------------------------------

NEW_TITLE = "le titre"
NEW_TITLE_EMPTY = "le titre est vide — donnez à l’article un titre, entre guillemets"
NEW_FILE_EXISTS = "existe déjà — modifiez-le, ou choisissez un autre titre pour le nouvel article"


def new_argument_refused(what: str, code: int) -> str:
    """`new` given a title (or `--country`, `--date`) holding a character no page can carry: a byte of
    another encoding, a control character pasted along."""
    return f"{what} contient {refused_character(code)} — retapez-le"


def option_problem(option: str, problem: str) -> str:
    """A problem with a command-line option, named as typed: `--country « Japn » n’est pas…`."""
    return f"{option} {problem}"


def created(path: object) -> str:
    return (
        f"{path} créé, en brouillon : écrivez l’article sous son en-tête, prévisualisez-le avec "
        "`python build.py serve`, puis écrivez `draft: false` pour le publier"
    )


# What `new` writes above each key of the new file: editors discover the fields in the file itself.
NEW_COMMENTS = {
    "title": "Titre affiché en tête de l’article et dans les listes.",
    "date": "Date de l’événement, au format AAAA-MM-JJ.",
    "updated": "Jour de la dernière correction, AAAA-MM-JJ : les lecteurs de flux la reçoivent (facultatif).",
    "countries": "Partenaires, pays ou organisations, en français, séparés par des virgules : [Japon, Union européenne]",
    "summary": "Chapeau : une ou deux phrases reprises dans les listes et les moteurs de recherche (facultatif).",
    "place": 'Lieu de l’événement, par exemple "Hanoï" (facultatif).',
    "source": "Source : {agency: VNA, url: https://…} (facultatif).",
    "photos": 'Photos : [{file: photo.jpg, alt: "Ce qu’elle montre", caption: "Légende", credit: "VNA"}] (facultatif).',
    "slug": "Adresse de la page (articles/<slug>/), fixée à la création : elle ne change pas si le titre change.",
    "aliases": "Anciennes adresses, si le slug a changé après publication : [ancien-slug] (facultatif).",
    "draft": "true = brouillon : visible dans l’aperçu (serve), jamais publié. Écrivez false pour publier.",
}


# --- What a page leaves out of its body (warnings) ------------------------------------------------


def dropped_image(what: str) -> str:
    return (
        f"image {quoted(what)} retirée — le site ne publie que les photos enregistrées dans content/ : "
        "enregistrez-la à côté de l’article et écrivez `![description](nom.jpg)`"
    )


def dropped_embed(tag: str, address: str | None) -> str:
    where = f" ({address})" if address else ""
    return (
        f"{quoted(f'<{tag}>')}{where} retiré — le site n’intègre pas le contenu d’autres sites (vidéo, carte, "
        "publication) : mettez plutôt un lien, [texte](https://…)"
    )


def dropped_code(tag: str) -> str:
    return f"{quoted(f'<{tag}>')} retiré avec son contenu — une page ne publie ni code ni style : retirez-le"


def dropped_tag(tag: str) -> str:
    return (
        f"balise {quoted(f'<{tag}>')} retirée, son texte est gardé — mettez-le en forme en Markdown : une ligne "
        "vide entre deux paragraphes, **gras**, *italique*, ## intertitre"
    )


def dropped_void(tag: str) -> str:
    return f"balise {quoted(f'<{tag}>')} retirée — un article ne contient que du texte : retirez-la"


def dropped_unknown(tag: str) -> str:
    return (
        f"{quoted(f'<{tag}>')} lu comme une balise HTML, et retiré — pour montrer des chevrons, écrivez "
        f"&lt;{tag}&gt;, ou mettez des guillemets : {quoted(tag)}"
    )


def dropped_link(address: str) -> str:
    return (
        f"lien {quoted(address)} retiré, son texte est gardé — une adresse de lien commence par https://, "
        "http:// ou mailto:"
    )


def dropped_attribute(attribute: str, tag: str) -> str:
    return f"attribut {quoted(attribute)} de {quoted(f'<{tag}>')} retiré — la mise en forme vient du site : retirez-le"


# --- Links in bodies to other articles and pages --------------------------------------------------

HOW_TO_LINK = (
    "un article se lie par son fichier, [texte](autre-article.md), ou par son adresse, "
    "[texte](/articles/son-slug/)"
)


def link_to_missing_file(written: str, target: str, close: str | None) -> str:
    hint = f"vouliez-vous dire {quoted(close)} ?" if close else f"vérifiez le nom du fichier ; {HOW_TO_LINK}"
    return f"lien {quoted(written)} : aucun article {target} — {hint}"


def link_to_renamed_file(written: str, target: str, slug: str, now: str, relative: str) -> str:
    """The file was renamed (`git mv`): the article whose address is the old file's name is elsewhere."""
    return (
        f"lien {quoted(written)} : aucun article {target} — renommé ? L’article d’adresse {quoted(slug)} est "
        f"maintenant {now} : écrivez `({relative})`"
    )


def link_to_missing_slug(written: str, slug: str, close: str | None) -> str:
    hint = f"vouliez-vous dire {quoted('/' + close)} ?" if close else HOW_TO_LINK
    return f"lien {quoted(written)} : aucun article n’a le slug {quoted(slug)} — {hint}"


def link_to_draft(written: str, target: object) -> str:
    return (
        f"lien {quoted(written)} : {target} est un brouillon, sa page n’est pas publiée et le lien mènerait "
        "à une page introuvable — publiez-le (`draft: false`) ou retirez le lien"
    )


def link_to_scheduled(written: str, target: object, day: date) -> str:
    return (
        f"lien {quoted(written)} : {target} est programmé pour le {french_day(day)}, sa page n’existe pas "
        "encore et le lien mènerait à une page introuvable — retirez le lien jusqu’à ce jour-là, ou "
        "programmez cet article-ci pour le même jour"
    )


def link_to_missing_page(written: str, close: str | None) -> str:
    hint = (
        f"vouliez-vous dire {quoted(close)} ?"
        if close
        else "écrivez l’adresse d’une page du site sans le nom de domaine, par exemple /pays/japon/"
    )
    return f"lien {quoted(written)} : aucune page du site à cette adresse — {hint}"


def link_leads_nowhere(written: str) -> str:
    return (
        f"lien {quoted(written)} : ni un article ni une page du site — {HOW_TO_LINK} ; une autre page du "
        "site, par son adresse (/pays/japon/) ; un autre site, par son adresse entière (https://…)"
    )


def article_address_gone(slug: str) -> str:
    return (
        f"l’article publié à l’adresse /articles/{slug}/ n’y est plus : les liens que les lecteurs en ont "
        f"gardés mèneront à une page introuvable — s’il a changé de slug, ajoutez `aliases: [{slug}]` à son "
        "en-tête ; s’il a été retiré exprès, il n’y a rien à faire"
    )


# --- Templates and search -------------------------------------------------------------------------


def template_error(detail: str, rendering: str, others: int = 0) -> str:
    """Jinja's own words (English) on what failed, framed: the template's author needs them as they are.
    `others`: how many more pages or feeds the same mistake stopped, named once rather than on each."""
    also = f" et {count(others, 'autre page', 'autres pages')}" if others else ""
    return f"erreur de modèle : {detail} (en construisant {rendering}{also}) — corrigez le modèle"


def template_value_refused(python: str) -> str:
    return f"un filtre ou une fonction a reçu une valeur qu’il ne sait pas traiter ({python})"


def pagefind_failed(printed: str) -> str:
    return (
        f"Pagefind n’a pas pu indexer le site : {printed or 'il n’a rien affiché'} — réinstallez-le "
        "(pip install -r requirements.txt) et vérifiez les attributs data-pagefind-* des modèles"
    )


def pagefind_incomplete(file: str, free_kib: int) -> str:
    """Pagefind exited without error but left a file empty or cut: as a rule, the disk is full."""
    return (
        f"Pagefind a laissé un index incomplet ({file} vide ou tronqué), sans signaler d’erreur : le "
        f"disque est sans doute plein (il reste {free_kib} Kio libres) — libérez de la place, puis relancez"
    )


INDEXED_PAGE_WITHOUT_DATE = (
    'porte data-pagefind-body mais pas data-pagefind-sort="date:AAAA-MM-JJ" : l’index de recherche est '
    "découpé par date — donnez sa date à chaque page indexée, comme le fait templates/article.html"
)


def indexed_pages_without_date(first: str, others: int) -> str:
    """Pages of one template that the index would take without a date: the first, and how many more."""
    also = f" (et {count(others, 'autre page', 'autres pages')})" if others else ""
    return f"{first}{also} : la page {INDEXED_PAGE_WITHOUT_DATE}"


def import_would_not_build(problem: object) -> str:
    return f"une fois importé, il ne passerait pas la construction ({problem}) — corrigez le texte ou seeds/sources.yaml"


# --- Reports of the commands ----------------------------------------------------------------------

WARNING = "attention : "  # opens each warning's message: the build went on, without what it names


def built(
    articles: int, drafts: int, drafts_shown: bool, files: int, output: object, base_url: str, written: int
) -> str:
    if drafts_shown:
        draft_part = count(
            drafts, "brouillon montré, marqué comme tel", "brouillons montrés, marqués comme tels"
        )
    else:
        draft_part = count(drafts, "brouillon laissé de côté", "brouillons laissés de côté")
    return (
        f"Site construit : {count(articles, 'article')} ({draft_part}), "
        f"{count(files, 'page ou flux', 'pages et flux')} dans {output} pour {base_url} ; "
        f"{count(written, 'fichier écrit', 'fichiers écrits')}, les autres inchangés"
    )


def indexed(pages: int, kibibytes: float, reindexed: int, carried_over: int) -> str:
    return (
        f"Recherche : {count(pages, 'page indexée', 'pages indexées')}, {kibibytes:.0f} Kio dans pagefind/ "
        f"({count(reindexed, 'période réindexée', 'périodes réindexées')}, "
        f"{count(carried_over, 'reprise telle quelle', 'reprises telles quelles')})"
    )


SEARCH_REPAIRED = (
    "pagefind/ avait été modifié depuis la dernière construction (un fichier changé ou supprimé) : "
    "remis en état"
)


def french_day(day: date) -> str:
    """`1er mai 2031`, `14 novembre 2024`, as pages write it."""
    return f"{DayMonth(day.day, day.month).describe()} {day.year}"


def scheduled(waiting: Iterable[tuple[object, date]]) -> str:
    """`1 article programmé : content/x.md le 1er mai 2031`: left out of the site until that day."""
    waiting = list(waiting)
    named = listed(f"{path} le {french_day(day)}" for path, day in waiting)
    appears = "il paraîtra" if len(waiting) < 2 else "ils paraîtront"
    return (
        f"{count(len(waiting), 'article programmé', 'articles programmés')} : {named} — "
        f"{appears} à la première construction de ce jour-là"
    )


def checked(articles: int) -> str:
    return f"Vérifiés : site.yaml, les modèles et {count(articles, 'article')} — aucun problème"


def nothing_to_import(folder: object) -> str:
    return f"Aucun texte dans {folder}/ : rien à importer"


def waiting(root: object, pid: int | None = None, command: str = "") -> str:
    """Said once by a run that waits for the project's lock, naming who holds it when the system says."""
    holder = f" (processus {pid}{f' : {command}' if command else ''})" if pid else ""
    return f"Une autre construction de {root} est en cours{holder} : attente de sa fin…"


def lock_kept(taken_by: int, holders: list[tuple[int, str]]) -> str:
    """The lock outlived the process that took it: processes it left behind hold it."""
    named = listed(f"{pid}{f' ({command})' if command else ''}" for pid, command in holders)
    pids = " ".join(str(pid) for pid, _ in holders)
    which, them = ("le processus", "arrêtez-le") if len(holders) == 1 else ("les processus", "arrêtez-les")
    return (
        f"le projet reste verrouillé alors que la commande qui l’a verrouillé (processus {taken_by}) "
        f"est terminée : le verrou est tenu par {which} {named} — {them} (`kill {pids}`), "
        "puis relancez la commande"
    )


# The last line of a failure, by command: what happened and what to do next.
def build_failed(problems: int) -> str:
    return f"Échec de la construction : {count(problems, 'problème')}. Rien n’a été écrit dans output/."


def import_failed(problems: int) -> str:
    return f"Import refusé : {count(problems, 'problème')}. Rien n’a été écrit dans content/."


def check_failed(problems: int) -> str:
    return f"Vérification échouée : {count(problems, 'problème')}. Corrigez, puis relancez `python build.py check`."


def new_refused(problems: int) -> str:
    return f"Nouvel article refusé : {count(problems, 'problème')}. Rien n’a été écrit."


def serve_failed(problems: int) -> str:
    return f"Impossible de lancer l’aperçu : {count(problems, 'problème')}."


# What the system says when a file cannot be written or read, in French for the usual causes.
SYSTEM_ERRORS = {
    "EACCES": "accès refusé",
    "EPERM": "opération non permise",
    "ENOSPC": "plus de place sur le disque",
    "EDQUOT": "quota du disque dépassé",
    "EROFS": "disque en lecture seule",
    "ENOENT": "introuvable",
    "ENOTDIR": "un fichier se trouve là où un dossier est attendu",
    "EISDIR": "un dossier se trouve là où un fichier est attendu",
    "ENAMETOOLONG": "nom de fichier trop long",
    "EEXIST": "existe déjà",
    "EIO": "erreur de lecture ou d’écriture du disque",
}


def system_error(error: OSError) -> str:
    """Why the system refused, in French when it is a usual cause, else in its own words."""
    return SYSTEM_ERRORS.get(errno.errorcode.get(error.errno or 0, ""), error.strerror or str(error))


CONTENT_IS_NOT_A_FOLDER = (
    "n’est pas un dossier — les articles vont dans un dossier de ce nom : renommez ou déplacez ce fichier"
)
OUTPUT_IS_NOT_A_FOLDER = (
    "n’est pas un dossier — Revue y écrit le site et remplacerait ce fichier : renommez-le ou déplacez-le"
)
CACHE_IS_NOT_A_FOLDER = (
    "un fichier porte le nom du dossier de cache de Revue — supprimez-le (Revue y range ce qu’elle "
    "a déjà calculé, et le recrée)"
)


def cache_not_saved(reason: str) -> str:
    return (
        f"cache non enregistré ({reason}) — rien n’est perdu, mais la prochaine commande refera ce "
        "travail ; si cela se répète, supprimez le dossier .cache/ (`make clean`)"
    )


def cannot_write(reason: str) -> str:
    return f"{reason} — vérifiez les droits du dossier et la place libre sur le disque"


DEPENDENCIES_MISSING = (
    "Les bibliothèques de Revue ne sont pas installées pour {python} ({module} manque).\n"
    "Lancez `make site` une fois, puis utilisez .venv/bin/python build.py … (ou `source .venv/bin/activate`)."
)


# --- GitHub Actions: annotations and the run's summary ------------------------------------------

ANNOTATION_TITLES = {"error": "Revue : à corriger", "warning": "Revue : attention"}
ANNOTATIONS_HINT = (
    "Chaque problème est aussi signalé sur sa ligne : dans une demande de fusion, onglet « Files changed »."
)
SUMMARY_TITLES = {
    "build": "Revue : site construit",
    "check": "Revue : vérification réussie",
    "import": "Revue : textes de l’agence importés",
}
FAILURE_TITLES = {
    "build": "Revue : échec de la construction",
    "check": "Revue : vérification échouée",
    "import": "Revue : import refusé",
}
# What a row of the summary counts, by command: `check` publishes nothing, it says what would be.
PUBLISHED_LABELS = {"build": "Articles publiés", "check": "Articles à publier"}
SUMMARY_LABELS = {
    "drafts": "Brouillons (jamais publiés)",
    "scheduled": "Programmés (publiés à leur date)",
    "warnings": "Avertissements",
    "address": "Adresse du site",
    "imported": "Textes importés (à relire)",
    "left": "Textes déjà importés, laissés tels quels",
}
SUMMARY_SECTIONS = {
    "warnings": "Avertissements",
    "scheduled": "Programmés",
    "seeds": "Textes de l’agence",
    "report": "Compte rendu de l’import",
}
IMPORT_SUMMARY_HINT = (
    "Relisez chaque article créé dans content/ (onglet « Files changed » de la demande de fusion) et "
    "corrigez-le au besoin avec le crayon du fichier ; il sera publié une fois la demande fusionnée, sauf "
    "s’il est en brouillon (`draft: true`)."
)


# --- serve ----------------------------------------------------------------------------------------


def serving(url: str) -> str:
    return f"Aperçu sur {url} (Ctrl+C pour arrêter)"


SERVE_STOPPED = "Aperçu arrêté."
# On Ctrl-C: what the run leaves (`output/` and content/ are never left half written).
BUILD_INTERRUPTED = (
    "Construction interrompue : output/ garde un site entier, l’ancien, ou le nouveau s’il était déjà en "
    "place — relancez `python build.py`."
)
CHECK_INTERRUPTED = (
    "Vérification interrompue : rien n’a été écrit hors de .cache/ — relancez `python build.py check`."
)
IMPORT_INTERRUPTED = "Import interrompu : aucun article n’est à moitié écrit dans content/ — relancez `python build.py import`."
INTERRUPTED = "Commande interrompue."
PAGES_RELOAD = "Les pages ouvertes se rechargent."
STILL_SERVING = (
    "Le site affiché reste la dernière version correcte : enregistrez une correction pour reconstruire."
)


def build_stopped(code: int) -> str:
    return f"la construction s’est arrêtée (code {code}) sans donner de raison — lisez le terminal"


def preview_other_host(port: int) -> str:
    """The page a request gets that is not addressed to the preview by its own name (DNS rebinding)."""
    return (
        f"l’aperçu ne répond qu’à son adresse — ouvrez http://127.0.0.1:{port}/ ou http://localhost:{port}/"
    )


PREVIEW_NUL_IN_PATH = "adresse invalide (un caractère nul) — corrigez l’adresse"
PORT_BUSY = (
    "ce port est déjà pris (par un autre `serve` ?) — arrêtez-le, ou choisissez un autre port : "
    "--port 8080, ou --port 0 pour n’importe quel port libre"
)
# The overlay over a page whose latest edit broke the build (`live_reload.js` shows the problems between).
OVERLAY = {
    "title": "La dernière modification contient une erreur : le site affiché est la dernière version correcte.",
    "hint": "Corrigez le fichier indiqué et enregistrez : la page se mettra à jour toute seule.",
}


# --- The command line: help, and argparse's own words ---------------------------------------------

HELP = {
    "revue": "Construit le site de la Revue dans output/, à partir de site.yaml, content/ et templates/.",
    "--root": "dossier du projet (par défaut : le dossier courant)",
    "--base-url": "publier sous cette adresse plutôt que sous le base_url de site.yaml "
    "(par exemple https://org.github.io/repo/)",
    "build": "Construit output/ à partir de content/ (la commande par défaut).",
    "--drafts": "montrer aussi les brouillons datés et les articles programmés, marqués comme tels : ce "
    "que montre serve ; à ne jamais publier",
    "--today": "construire comme si l’on était ce jour-là (AAAA-MM-JJ) : les articles datés d’ici là "
    "paraissent (par défaut : aujourd’hui, dans le fuseau `timezone` de site.yaml)",
    "import": "Transforme chaque seeds/*.txt pas encore importé en content/<slug>.md, à relire, et le note "
    "dans seeds/imported.yaml ; n’écrase jamais rien.",
    "new": "Écrit content/<slug>.md, avec tous les champs de l’en-tête, prêt à remplir.",
    "TITRE": 'le titre de l’article, entre guillemets : "Le Vietnam et le Japon …"',
    "--country": "partenaire, pays ou organisation, en français (répétez l’option pour plusieurs)",
    "--date": "date de l’événement (par défaut : aujourd’hui)",
    "check": "Vérifie site.yaml, content/ et templates/ comme la construction, sans rien écrire.",
    "serve": "Construit le site, le sert sur 127.0.0.1 sous son chemin de base (celui de --base-url s’il "
    "est donné), puis le reconstruit et recharge les pages à chaque modification.",
    "--port": "0 choisit un port libre (par défaut : 8000)",
    "bench": "Mesure la durée de constructions complètes et partielles d’un corpus synthétique (sur tmpfs).",
    "--articles": "taille du corpus (par défaut : 10000)",
    "--runs": "nombre de tours dont on prend la médiane (par défaut : 3)",
    "--compare": "chronométrer Revue contre Hugo puis Pagefind sur le même corpus, en tours appariés (demande `hugo` dans le PATH)",
}


def not_a_whole_number(text: str) -> str:
    return f"{quoted(text)} n’est pas un nombre entier — écrivez-le en chiffres, par exemple 8080"


def not_a_port(text: str) -> str:
    return (
        f"{quoted(text)} n’est pas un port — choisissez un nombre de 0 à 65535, par exemple 8080 "
        "(0 : n’importe quel port libre)"
    )


def option_not_for(option: str, commands: Iterable[str], command: str) -> str:
    """An option the command would silently ignore: `new --base-url …` publishes nothing."""
    *others, last = commands
    return f"{option} ne vaut que pour {', '.join(others)} et {last} — retirez-le de la commande {command}"


def not_at_least_one(text: str) -> str:
    return f"{quoted(text)} n’est pas un nombre entier d’au moins 1 — écrivez-le en chiffres, par exemple 3"


# argparse's messages (Python 3.11's wording) that a command line can show, by their English text.
ARGPARSE = {
    "usage: ": "usage : ",
    # Headings: argparse adds the colon; the space is French's before it.
    "positional arguments": "arguments ",
    "options": "options ",
    "show this help message and exit": "afficher cette aide",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s : %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "« %(value)s » n’existe pas — choisissez parmi %(choices)s",
    "the following arguments are required: %s": "il manque %s — voyez --help",
    "unrecognized arguments: %s": "inconnu : %s — voyez --help",
    "expected one argument": "une valeur doit suivre l’option",
    "invalid %(type)s value: %(value)r": "« %(value)s » n’est pas une valeur possible",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut désigner "
    "%(matches)s — écrivez-la en entier",
    "ignored explicit argument %r": "cette option ne prend pas de valeur, et reçoit %r — retirez la valeur",
}


def argparse_text(text: str) -> str:
    return ARGPARSE.get(text, text)
