// The search page: Pagefind's JS API behind our own French form, so labels, filters and the URL stay ours.
// The form's data attributes give the bundle and the base path, so everything works under a sub-path.
const form = document.getElementById("recherche");
const input = document.getElementById("recherche-q");
const countrySelect = document.getElementById("recherche-pays");
const yearSelect = document.getElementById("recherche-annee");
const sortSelect = document.getElementById("recherche-tri");
const status = document.getElementById("recherche-etat");
const list = document.getElementById("recherche-resultats");

// The query from a shared link goes in at once: a reader may start typing while Pagefind loads,
// and what they type must never be overwritten once it has.
const initial = new URLSearchParams(location.search);
if (!input.value) input.value = initial.get("q") || "";

const pagefind = await import(form.dataset.bundle);
await pagefind.options({ baseUrl: form.dataset.base });

const SHOWN = 30; // results whose text is fetched at once: each costs a request
let latest = 0; // only the newest search may write the results

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
  excerpt.innerHTML = data.excerpt; // Pagefind escapes the page text and adds only <mark>
  item.append(heading, meta, excerpt);
  return item;
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
    return;
  }
  const options = { filters };
  if (sortSelect.value === "date") options.sort = { date: "desc" };
  const found = await pagefind.search(term || null, options);
  const shown = found.results.slice(0, SHOWN);
  const data = await Promise.all(shown.map((result) => result.data()));
  if (search !== latest) return;
  list.replaceChildren(...data.map(resultItem));
  const count = found.results.length;
  const what = term ? ` pour «\u00a0${term}\u00a0»` : ""; // no-break spaces: » never alone on a line
  const more = count > SHOWN ? ` Voici les ${SHOWN} premiers\u202f: précisez la recherche pour voir les autres.` : "";
  status.textContent = count
    ? `${plural(count, "article trouvé", "articles trouvés")}${what}.${more}`
    : `Aucun article trouvé${what}. Essayez un autre mot ou retirez un filtre.`;
}

const available = await pagefind.filters();
const collator = new Intl.Collator("fr");
addOptions(countrySelect, Object.keys(available.pays || {}).sort(collator.compare));
addOptions(yearSelect, Object.keys(available["année"] || {}).sort().reverse());
readFilters();
form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
form.addEventListener("input", run);
form.dataset.ready = "";
run();
