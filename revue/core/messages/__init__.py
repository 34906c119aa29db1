"""Every message an editor reads, in French, in one catalogue: what each command prints, and each problem.

A problem reads `path:line: what is wrong — how to fix it`; `Problem.__str__` adds `path:line:`, the
functions here give the rest. Keys are named as editors type them (`date:`, `countries:`), what to
type is in backticks, what the editor wrote is quoted « like this ».

Typography, decided once: ’ for apostrophes, « » for quotes, and a space before `:`, `;`, `?` and `!`,
as French writes them, but ordinary spaces throughout: these lines go to terminals, CI logs and the
preview's overlay, where a no-break space is invisible, cannot be typed to search for a message, and
buys nothing (nothing wraps them). Plurals are written out (`1 problème`, `2 problèmes`), not `(s)`.

One module per topic. What the build says is read as `messages.NAME`, from the topics gathered here;
what only the command line (`command_line`), the preview (`preview`) and the import (`import_report`)
say lives apart, in modules the build never imports: the code digest (`core/digest.py`) covers the
modules the build imports, whole, so a help text rebuilds nothing. No module of the catalogue imports
a library: `build.py` reads it to say that the libraries are missing.
"""

from revue.core.messages.articles import *  # noqa: F403
from revue.core.messages.bodies import *  # noqa: F403
from revue.core.messages.files import *  # noqa: F403
from revue.core.messages.new import *  # noqa: F403
from revue.core.messages.partners import *  # noqa: F403
from revue.core.messages.photos import *  # noqa: F403
from revue.core.messages.publishing import *  # noqa: F403
from revue.core.messages.seeds import *  # noqa: F403
from revue.core.messages.settings import *  # noqa: F403
from revue.core.messages.values import *  # noqa: F403
from revue.core.messages.wording import *  # noqa: F403
from revue.core.messages.yaml_text import *  # noqa: F403
