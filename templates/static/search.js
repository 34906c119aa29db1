// The search page: Pagefind's JS API behind our own French form, so labels, filters and the URL stay ours.
// The form's data attributes give the bundle folder and the base path, so everything works under a sub-path.
//
// The index is cut into shards by period; `shards.json` says what each holds. A search loads only the
// shards it needs (a year loads that year's), all into one Pagefind instance (`mergeIndex`: one
// WebAssembly module for all), each tagged with a `shard` filter so that it can be searched on its own.
// Results merge into one list: by score, as Pagefind merges indexes, or by date, shards being periods.
//
// Pagefind read the pages in an index view (revue/publish/search.py, `index_view`): elided articles and
// pronouns stand apart from their word (« l’ investissement »), a number's groups are joined (« 140~000 »).
// Queries are put in that form before they reach Pagefind, and what the reader sees is put back as written.
// Words in a row (a phrase) are found from where each word is, and rank first.
const form = document.getElementById("recherche");
const input = document.getElementById("recherche-q");
const chosen = document.getElementById("recherche-choix");
const countrySelect = document.getElementById("recherche-pays");
const yearSelect = document.getElementById("recherche-annee");
const sortSelect = document.getElementById("recherche-tri");
const notice = document.getElementById("recherche-avis");
const status = document.getElementById("recherche-etat");
const list = document.getElementById("recherche-resultats");
const more = document.getElementById("recherche-plus");

// The query from a shared link goes in at once: a reader may start typing while Pagefind loads,
// and what they type must never be overwritten once it has.
const initial = new URLSearchParams(location.search);
if (!input.value) input.value = initial.get("q") || "";

const bundle = form.dataset.bundle;
const PAGE = 30; // results whose text is fetched at once: each costs a request
const loaded = new Map(); // shard id → promise, settled once Pagefind holds that shard
let shards = null; // from `shards.json`, newest period first; null until it is read
let opening = null; // promise: `shards.json` read and the form filled from it (true: there are articles)
let pagefind = null; // Pagefind's JS API, once a shard is asked for
let importing = null; // promise of Pagefind's JS API, asked for as soon as there are articles
let imports = 0; // failed imports of it: the next asks a new URL, as a browser may keep a failed module
let destroyed = Promise.resolve(); // settled once a failed Pagefind instance is gone
let latest = 0; // only the newest search may write the results
let found = []; // the newest search's results, in order
let done = 0; // how many of them are shown

// What undoes the index view, from the words `shards.json` says Pagefind stores.
let ELISION, ELIDED_WORD, SET_APART, JOINED;
// A number in groups of three, as French writes it (`140 000`, `140.000`, no-break spaces too).
const GROUPED = /(?<![\p{N}.,])\p{N}{1,3}(?:[ .\u00a0\u202f]\p{N}{3})+(?!\p{N})/gu;
// A phrase in quotes: straight, French or English ones.
const QUOTED = /^\s*["«“„]\s*(.+?)\s*["»”“]\s*$/su;
// An elided article or pronoun as a reader types it (any apostrophe, any case), before a letter; in Pagefind's
// text of a page, an elided word the index view set apart, a number's joined groups.
function learnWords(view) {
  const elided = `(${view.elided.join("|")})`;
  ELISION = new RegExp(`(?<![\\p{L}\\p{N}])${elided}['’ʼ‘\`´](?=\\p{L})`, "giu");
  ELIDED_WORD = new RegExp(`^${elided}$`, "iu");
  SET_APART = new RegExp(`^${elided}['’]$`, "iu");
  const mark = view.group_mark.replace(/[$()*+./?[\\\]^{|}]/g, "\\$&");
  JOINED = new RegExp(`(?<=\\p{N})${mark}(?=\\p{N}{3})`, "gu");
}

const EXCERPT = 30; // words an excerpt quotes, as many as Pagefind's own

// The query's words as the index view holds them: a number's groups joined, an elided article or pronoun
// dropped, or kept as a word of its own where the words must stand together.
function asIndexed(text, together) {
  return text
    .replace(GROUPED, (number) => number.replace(/\P{N}/gu, ""))
    .replace(ELISION, together ? "$1 " : "")
    .replace(/\s+/g, " ")
    .trim();
}

// What Pagefind is asked: `plain`, every word anywhere; `phrase`, the words in a row, which rank first
// (a quoted query finds only those), an elided word standing for any word there (null: never searched,
// it would load its own index chunk); `words`, each checked to be really in a shard (`reallyMatches`);
// `said`, the query as the status line quotes it (in its own quotes: a quoted one without them).
function query(text) {
  const quoted = QUOTED.exec(text);
  const asked = quoted ? quoted[1] : text;
  const plain = asIndexed(asked, false) || asIndexed(asked, true); // a lone `l’` is still a word
  const phrase = asIndexed(asked, true)
    .split(" ")
    .map((word) => (ELIDED_WORD.test(word) ? null : word));
  while (phrase.length && phrase[0] === null) phrase.shift();
  while (phrase.length && phrase.at(-1) === null) phrase.pop();
  const words = plain.split(" ").map(bare).filter(Boolean);
  return { plain, quoted: Boolean(quoted), phrase, words, said: asked.trim() };
}

// Words of Pagefind's text of a page, put back as the page writes them: the elided word joined to the
// next, the narrow space between a number's groups. `marked` words are wrapped in <mark>.
function asWritten(words, marked = new Set(), first = 0) {
  const nodes = [];
  words.forEach((word, at) => {
    const text = word.replace(JOINED, "\u202f");
    if (marked.has(first + at)) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      nodes.push(mark);
    } else {
      nodes.push(text);
    }
    if (at < words.length - 1 && !SET_APART.test(word)) nodes.push(" ");
  });
  return nodes;
}

function written(text) {
  return asWritten((text || "").split(" ")).join("");
}

// The excerpt: the words of the body around the query's words in a row (`phrase`, where they start), else
// around its best match (the title, which opens Pagefind's text, is the result's heading already), or its
// summary when only the title or the summary matched.
function excerpt(data, phrase) {
  const words = data.content.split(/\s+/);
  const body = (data.meta.title || "").split(/\s+/).length;
  const matched = data.locations.filter((at) => at >= body).sort((a, b) => a - b);
  const paragraph = document.createElement("p");
  if (!matched.length && data.meta.summary) {
    paragraph.textContent = written(data.meta.summary);
    return paragraph;
  }
  const densest = matched.reduce(
    (most, at) => {
      const around = matched.filter((other) => other >= at && other < at + EXCERPT).length;
      return around > most.around ? { at, around } : most;
    },
    { at: body, around: 0 },
  ).at;
  const best = phrase >= body ? phrase : densest;
  let start = Math.max(body, Math.min(best - Math.floor(EXCERPT / 5), words.length - EXCERPT));
  if (start > body && SET_APART.test(words[start - 1])) start -= 1; // nor a word without its elided one
  let end = Math.min(words.length, start + EXCERPT);
  if (SET_APART.test(words[end - 1])) end += 1; // never an elided word without the word it belongs to
  paragraph.append(
    start > body ? "… " : "",
    ...asWritten(words.slice(start, end), new Set(matched), start),
    end < words.length ? " …" : "",
  );
  return paragraph;
}

function addOptions(select, values) {
  for (const value of values) {
    select.append(new Option(value, value));
  }
}

// Filters from a shared link; one naming no partner or year of the site is said, not silently dropped.
function readFilters() {
  const unknown = [];
  for (const [select, key, message] of [
    [countrySelect, "pays", (value) => `aucun article n’a pour partenaire «\u00a0${value}\u00a0»`],
    [yearSelect, "annee", (value) => `aucun article n’est de l’année «\u00a0${value}\u00a0»`],
  ]) {
    const wanted = initial.get(key) || "";
    select.value = wanted;
    if (select.value !== wanted) unknown.push(message(wanted));
  }
  sortSelect.value = initial.get("tri") === "date" ? "date" : "";
  const removed = unknown.length > 1 ? "ces filtres sont retirés" : "ce filtre est retiré";
  const said = `${unknown.join("\u202f; ")}\u00a0: ${removed}.`;
  notice.textContent = unknown.length ? said[0].toUpperCase() + said.slice(1) : "";
  notice.hidden = !unknown.length;
}

// The closed filters say what they hold, so a reader sees a search is narrowed without opening them.
function showChoices() {
  const choices = [countrySelect.value, yearSelect.value, sortSelect.value && "par date"].filter(Boolean);
  chosen.textContent = choices.length ? ` (${choices.join(", ")})` : "";
}

function writeUrl() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (value.trim()) params.set(key, value.trim());
  }
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

// Words as Pagefind compares them: lower case, no accents, no punctuation.
function bare(text) {
  return text
    .toLocaleLowerCase("fr")
    .normalize("NFD")
    .replace(/[\p{M}\p{P}]/gu, "");
}

async function readShards() {
  const response = await fetch(`${bundle}shards.json`);
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  const { shards: said, words } = await response.json();
  learnWords(words);
  const collator = new Intl.Collator("fr");
  addOptions(countrySelect, [...new Set(said.flatMap((shard) => shard.countries))].sort(collator.compare));
  addOptions(yearSelect, [...new Set(said.flatMap((shard) => shard.years))].sort().reverse());
  readFilters();
  shards = said;
  return shards.length > 0;
}

function openIndex() {
  opening ??= readShards();
  return opening;
}

function importPagefind() {
  importing ??= import(`${bundle}pagefind.js${imports ? `?${imports}` : ""}`).catch((error) => {
    importing = null;
    imports += 1;
    throw error;
  });
  return importing;
}

function load(shard) {
  if (!loaded.has(shard.id)) {
    const path = `${bundle}${shard.folder}/`;
    const options = { baseUrl: form.dataset.base, mergeFilter: { shard: shard.id } };
    const first = loaded.values().next().value;
    const started = async () => {
      await destroyed;
      pagefind = await importPagefind();
      await pagefind.options({ ...options, basePath: path });
      await pagefind.init();
    };
    loaded.set(shard.id, first ? first.then(() => pagefind.mergeIndex(path, options)) : started());
  }
  return loaded.get(shard.id);
}

// After a failure, the next search starts again: `shards.json` if it was not read, and a new Pagefind
// instance (one that failed may hold a shard it could not load, searched by every later search).
function forget() {
  if (!shards) opening = null;
  if (pagefind) destroyed = pagefind.destroy().catch(() => {});
  loaded.clear();
}

// Pagefind matches a word it cannot find in an index by the longest indexed word that starts it
// ("déminage" by "de"), for all pages of that index alike. A shard's results are kept only when each
// word of the query is really there: as a word of the shard (an exact search finds it), or, for a word
// still being typed, as the start of a word the best result matched, in its text or its summary.
async function reallyMatches(shard, words, best) {
  for (const word of words) {
    const exact = await pagefind.search(`"${word}"`, { filters: { shard: shard.id } });
    if (exact.results.length) continue;
    const data = await best.data();
    const text = data.content.split(/[\r\n\s]+/g);
    const matched = [...data.locations.map((at) => text[at] || ""), ...Object.values(data.meta).join(" ").split(/\s+/)];
    if (!matched.some((seen) => bare(seen).startsWith(word))) return false;
  }
  return true;
}

// A shard's results, each saying whether it holds the query's words in a row (then it ranks first).
async function searchShard(shard, asked, options) {
  await load(shard);
  const filters = { ...options.filters, shard: shard.id };
  const { results } = await pagefind.search(asked.plain || null, { ...options, filters });
  if (!asked.plain || !results.length) return results;
  if (!(await reallyMatches(shard, asked.words, results[0]))) return [];
  if (asked.phrase.length < 2) return results;
  const together = await inARow(asked.phrase, filters);
  // Pagefind's worker keeps a result's text only while that result object lives (a FinalizationRegistry
  // frees it once the object is collected): where the words stand is written on the result, never on a copy.
  for (const result of results) result.phrase = together.get(result.id);
  return asked.quoted ? results.filter((result) => result.phrase !== undefined) : results;
}

// The pages holding `words` one after the other (null: any word), each with where they first do, found
// from where each word is in each page. Not Pagefind's exact search: it misses a page that writes a word
// of the phrase in two forms with accents (« année » and « années »), since it then expects one word more.
async function inARow(words, filters) {
  const where = await Promise.all(
    words.map(async (word, offset) => {
      if (word === null) return null;
      const { results } = await pagefind.search(word, { filters });
      return { offset, pages: new Map(results.map((result) => [result.id, new Set(result.words)])) };
    }),
  );
  const [first, ...rest] = where.filter(Boolean);
  const found = new Map();
  for (const [page, starts] of first.pages) {
    const start = [...starts]
      .sort((a, b) => a - b)
      .find((at) => rest.every((word) => word.pages.get(page)?.has(at + word.offset)));
    if (start !== undefined) found.set(page, start);
  }
  return found;
}

function resultItem(data, phrase) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = written(data.meta.title);
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [data.meta.date, written(data.meta.place)].filter(Boolean).join(" · ");
  item.append(heading, meta, excerpt(data, phrase));
  return item;
}

async function showMore(search) {
  const next = found.slice(done, done + PAGE);
  const data = await Promise.all(next.map((result) => result.data()));
  if (search !== latest) return [];
  const items = data.map((page, at) => resultItem(page, next[at].phrase));
  list.append(...items);
  done += next.length;
  more.hidden = done >= found.length;
  return items;
}

// A search that fails (the network gone, a file missing) says so, never leaving the last search's results:
// the next one loads what it needs again, in a new Pagefind instance (a failed one may hold half a shard).
async function run() {
  const search = ++latest;
  try {
    await searchAndShow(search);
  } catch (error) {
    if (search !== latest) return;
    console.error(error);
    forget();
    list.replaceChildren();
    more.hidden = true;
    status.textContent = navigator.onLine
      ? "La recherche a échoué\u00a0: réessayez dans un instant."
      : "La recherche n’est pas disponible sans connexion\u00a0: réessayez une fois en ligne.";
  }
}

async function searchAndShow(search) {
  const articles = await openIndex();
  if (search !== latest) return;
  if (!articles) {
    showChoices();
    status.textContent = "Aucun article n’est encore publié.";
    return;
  }
  writeUrl();
  showChoices();
  const term = input.value.trim();
  const filters = {};
  if (countrySelect.value) filters.pays = countrySelect.value;
  if (yearSelect.value) filters["année"] = yearSelect.value;
  if (!term && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    return;
  }
  const byDate = sortSelect.value === "date" || !term; // with no words there is nothing to rank: newest first
  const options = { filters, sort: byDate ? { date: "desc" } : {} };
  const wanted = shards.filter(
    (shard) =>
      (!filters.pays || shard.countries.includes(filters.pays)) &&
      (!filters["année"] || shard.years.includes(filters["année"])),
  );
  const asked = query(term);
  const lists = await Promise.all(wanted.map((shard) => searchShard(shard, asked, options)));
  if (search !== latest) return;
  const all = lists.flat();
  const inARowFirst = (a, b) => (b.phrase !== undefined) - (a.phrase !== undefined) || b.score - a.score;
  found = byDate ? all : all.sort(inARowFirst);
  done = 0;
  list.replaceChildren();
  await showMore(search);
  if (search !== latest) return;
  const what = term ? ` pour «\u00a0${asked.said}\u00a0»` : ""; // no-break spaces: » never alone on a line
  status.textContent = found.length
    ? `${plural(found.length, "article trouvé", "articles trouvés")}${what}.`
    : `Aucun article trouvé${what}. Essayez un autre mot ou retirez un filtre.`;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
form.addEventListener("input", run);
more.addEventListener("click", async () => {
  const [first] = await showMore(latest);
  first?.querySelector("a").focus(); // a keyboard reader goes on reading where the new results start
});
window.addEventListener("online", run); // a search that failed offline is done again
run();
// The form is ready once it has its filters and Pagefind's script, or once it has said why not.
await openIndex()
  .then((articles) => articles && importPagefind())
  .catch(() => {});
form.dataset.ready = "";
