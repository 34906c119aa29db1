// The search page: Pagefind's JS API behind our own French form, so labels, filters and the URL stay ours.
// The form's data attributes give the bundle folder and the base path, so everything works under a sub-path.
//
// The index is cut into shards by period; `shards.json` says what each holds. A search loads only the
// shards it needs (a year loads that year's), all into one Pagefind instance (`mergeIndex`: one
// WebAssembly module for all), each tagged with a `shard` filter so that it can be searched on its own.
// Results merge into one list: by score, as Pagefind merges indexes, or by date, shards being periods.
const form = document.getElementById("recherche");
const input = document.getElementById("recherche-q");
const countrySelect = document.getElementById("recherche-pays");
const yearSelect = document.getElementById("recherche-annee");
const sortSelect = document.getElementById("recherche-tri");
const status = document.getElementById("recherche-etat");
const list = document.getElementById("recherche-resultats");
const more = document.getElementById("recherche-plus");

// The query from a shared link goes in at once: a reader may start typing while Pagefind loads,
// and what they type must never be overwritten once it has.
const initial = new URLSearchParams(location.search);
if (!input.value) input.value = initial.get("q") || "";

const bundle = form.dataset.bundle;
const { shards } = await (await fetch(`${bundle}shards.json`)).json(); // newest period first
const pagefind = shards.length ? await import(`${bundle}pagefind.js`) : null;

const PAGE = 30; // results whose text is fetched at once: each costs a request
const loaded = new Map(); // shard id → promise, settled once Pagefind holds that shard
let latest = 0; // only the newest search may write the results
let found = []; // the newest search's results, in order
let done = 0; // how many of them are shown

function addOptions(select, values) {
  for (const value of values) {
    select.append(new Option(value, value));
  }
}

function readFilters() {
  countrySelect.value = initial.get("pays") || "";
  yearSelect.value = initial.get("annee") || "";
  sortSelect.value = initial.get("tri") === "date" ? "date" : "";
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
function plain(text) {
  return text
    .toLocaleLowerCase("fr")
    .normalize("NFD")
    .replace(/[\p{M}\p{P}]/gu, "");
}

function load(shard) {
  if (!loaded.has(shard.id)) {
    const path = `${bundle}${shard.folder}/`;
    const options = { baseUrl: form.dataset.base, mergeFilter: { shard: shard.id } };
    const first = loaded.values().next().value;
    loaded.set(
      shard.id,
      first
        ? first.then(() => pagefind.mergeIndex(path, options))
        : pagefind.options({ ...options, basePath: path }).then(() => pagefind.init()),
    );
  }
  return loaded.get(shard.id);
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
    if (!matched.some((seen) => plain(seen).startsWith(word))) return false;
  }
  return true;
}

async function searchShard(shard, term, options) {
  await load(shard);
  const filters = { ...options.filters, shard: shard.id };
  const { results } = await pagefind.search(term || null, { ...options, filters });
  if (!term || !results.length) return results;
  const words = term.split(/\s+/).map(plain).filter(Boolean);
  return (await reallyMatches(shard, words, results[0])) ? results : [];
}

function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [data.meta.date, data.meta.place].filter(Boolean).join(" · ");
  const excerpt = document.createElement("p");
  if (data.locations.length || !data.meta.summary) {
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the page text and adds only <mark>
  } else {
    excerpt.textContent = data.meta.summary; // found by its summary only: quote that
  }
  item.append(heading, meta, excerpt);
  return item;
}

async function showMore(search) {
  const next = found.slice(done, done + PAGE);
  const data = await Promise.all(next.map((result) => result.data()));
  if (search !== latest) return [];
  const items = data.map(resultItem);
  list.append(...items);
  done += next.length;
  more.hidden = done >= found.length;
  return items;
}

async function run() {
  const search = ++latest;
  writeUrl();
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
  const byDate = sortSelect.value === "date";
  const options = { filters, sort: byDate ? { date: "desc" } : {} };
  const wanted = shards.filter(
    (shard) =>
      (!filters.pays || shard.countries.includes(filters.pays)) &&
      (!filters["année"] || shard.years.includes(filters["année"])),
  );
  const lists = await Promise.all(wanted.map((shard) => searchShard(shard, term, options)));
  if (search !== latest) return;
  found = byDate || !term ? lists.flat() : lists.flat().sort((a, b) => b.score - a.score);
  done = 0;
  list.replaceChildren();
  await showMore(search);
  if (search !== latest) return;
  const what = term ? ` pour «\u00a0${term}\u00a0»` : ""; // no-break spaces: » never alone on a line
  status.textContent = found.length
    ? `${plural(found.length, "article trouvé", "articles trouvés")}${what}.`
    : `Aucun article trouvé${what}. Essayez un autre mot ou retirez un filtre.`;
}

const collator = new Intl.Collator("fr");
addOptions(countrySelect, [...new Set(shards.flatMap((shard) => shard.countries))].sort(collator.compare));
addOptions(yearSelect, [...new Set(shards.flatMap((shard) => shard.years))].sort().reverse());
readFilters();
form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
form.addEventListener("input", run);
more.addEventListener("click", async () => {
  const [first] = await showMore(latest);
  first?.querySelector("a").focus(); // a keyboard reader goes on reading where the new results start
});
form.dataset.ready = "";
if (pagefind) {
  run();
} else {
  status.textContent = "Aucun article n’est encore publié.";
}
