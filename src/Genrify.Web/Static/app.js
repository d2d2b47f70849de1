// Genrify page: upload with progress (XMLHttpRequest reports upload progress, fetch does not), then show the answer.
// Server text is only ever put in textContent, never parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
let maxUploadBytes = 0;

function show(id, visible) { $(id).hidden = !visible; }

function describeBytes(n) {
  return n >= 1048576 ? (n / 1048576).toFixed(n % 1048576 ? 1 : 0) + " MB" : Math.round(n / 1024) + " KB";
}

function percent(p) { return (100 * p).toFixed(p >= 0.995 || p < 0.0005 ? 0 : 1) + "%"; }

function setStatus(text, busy) {
  $("status").textContent = text;
  $("status").classList.toggle("busy", busy);
}

function showError(title, detail) {
  show("progress", false);
  show("result", false);
  $("error-title").textContent = title;
  $("error-detail").textContent = detail || "";
  show("error", true);
}

// The link to the collection's map, when the server knows a collection (the model's songs or --collection).
async function loadCollection() {
  try {
    const response = await fetch("/api/collection");
    if (!response.ok) return;
    const c = await response.json();
    const link = Object.assign(document.createElement("a"), { href: "/collection", id: "collection-link" });
    link.textContent = `See the collection: ${c.songs} songs of ${c.genres.length} genres`;
    $("collection").replaceChildren(link, document.createTextNode(` (${c.source}), the songs the nearest songs come from.`));
    show("collection", true);
  } catch {
    // No link: the page works without it.
  }
}

async function loadInfo() {
  loadCollection();
  try {
    const [model, health] = await Promise.all([fetch("/api/model"), fetch("/healthz")].map((p) => p.then((r) => r.json())));
    $("model").textContent = describeModel(model);
    maxUploadBytes = health.maxUploadBytes || 0;
    if (maxUploadBytes) $("limit").textContent = ", up to " + describeBytes(maxUploadBytes);
  } catch {
    $("model").textContent = "The model could not be read.";
  }
}

function describeModel(model) {
  return `Model: ${model.file}. ${model.about}`;
}

function upload(file) {
  show("error", false);
  if (maxUploadBytes && file.size > maxUploadBytes) {
    showError("Upload too large", `${file.name} is ${describeBytes(file.size)}; this server accepts up to ${describeBytes(maxUploadBytes)}.`);
    return;
  }
  const form = new FormData();
  form.append("file", file, file.name);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/api/predict?top=10");
  xhr.responseType = "json";
  const bar = $("bar");
  bar.value = 0;
  setStatus(`Uploading ${file.name}…`, true);
  show("progress", true);
  document.body.setAttribute("aria-busy", "true");
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) {
      bar.value = (100 * e.loaded) / e.total;
      setStatus(`Uploading ${file.name}… ${Math.round(bar.value)}%`, true);
    }
  };
  xhr.upload.onload = () => {
    bar.removeAttribute("value"); // indeterminate while the server decodes and analyses
    setStatus(`Analysing ${file.name}…`, true);
  };
  xhr.onload = () => {
    document.body.removeAttribute("aria-busy");
    const body = xhr.response;
    if (xhr.status === 200 && body) {
      show("progress", false);
      render(body);
    } else if (body && body.title) {
      showError(body.title, body.detail);
    } else {
      showError(`The server answered ${xhr.status}`, xhr.statusText);
    }
  };
  xhr.onerror = () => {
    document.body.removeAttribute("aria-busy");
    showError("Upload failed", "The connection broke before the server answered.");
  };
  xhr.send(form);
}

function render(r) {
  $("result-file").textContent = r.file;
  $("result-duration").textContent = `${r.duration.toFixed(1)} s`;
  const top = r.genres[0];
  $("top-genre").textContent = top ? r.label || top.genre : "—";
  $("top-probability").textContent = top ? percent(top.probability) : "";
  const fits = r.multiLabel ? r.fits.filter((g) => g.genre !== top.genre && !(r.label || "").endsWith(" " + g.genre)).map((g) => g.genre) : [];
  const tags = r.multiLabel ? r.tags.map((t) => `${t.genre} ${percent(t.probability)}`) : [];
  $("fits").textContent = [fits.length ? `Also fits: ${fits.join(", ")}.` : "", tags.length ? `Heard: ${tags.join(", ")}.` : ""].join(" ").trim();
  show("fits", $("fits").textContent.length > 0);

  const list = $("genres");
  list.replaceChildren();
  for (const g of r.genres) {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = g.genre;
    const track = document.createElement("span");
    track.className = "track";
    const fill = document.createElement("span");
    fill.className = "fill";
    fill.style.display = "block";
    fill.style.width = `${Math.max(0, Math.min(100, 100 * g.probability))}%`;
    track.appendChild(fill);
    const pct = document.createElement("span");
    pct.className = "pct";
    pct.textContent = percent(g.probability);
    li.append(name, track, pct);
    li.setAttribute("aria-label", `${g.genre}: ${percent(g.probability)}`);
    list.appendChild(li);
  }

  const warnings = $("warnings");
  warnings.replaceChildren(...r.warnings.map((w) => Object.assign(document.createElement("li"), { textContent: w })));
  show("warnings", r.warnings.length > 0);

  renderWhy(r);

  const s = r.spectrogram;
  $("spectrogram").src = "data:image/png;base64," + s.png;
  $("spec-fmax").textContent = `${(s.maxFrequencyHz / 1000).toFixed(s.maxFrequencyHz % 1000 ? 1 : 0)} kHz`;
  $("spec-seconds").textContent = `${s.seconds.toFixed(1)} s`;

  const f = r.features;
  $("tempo").textContent = `${Math.round(f.tempoBpm)} BPM`;
  $("loudness").textContent = f.loudnessDbfs == null ? "silent" : `${f.loudnessDbfs.toFixed(1)} dBFS`;
  $("brightness").textContent = `${Math.round(f.brightnessHz).toLocaleString("en")} Hz`;
  $("model").textContent = describeModel(r.model);
  show("result", true);
}

// A change of the top genre's probability, in percentage points, signed.
function points(delta) {
  const p = 100 * delta;
  return (p >= 0 ? "+" : "−") + Math.abs(p).toFixed(Math.abs(p) >= 9.95 ? 0 : 1) + " pts";
}

function renderWhy(r) {
  const top = r.genres[0] ? r.label || r.genres[0].genre : "the top genre";
  const neighbours = $("neighbours");
  neighbours.replaceChildren(...r.neighbours.map((n) => {
    const li = document.createElement("li");
    const id = Object.assign(document.createElement("span"), { className: "id", textContent: n.id, title: n.id });
    const genres = Object.assign(document.createElement("span"), { className: "tag", textContent: n.genres.join(", ") || "—" });
    const distance = Object.assign(document.createElement("span"), { className: "distance muted", textContent: n.distance.toFixed(2) });
    distance.title = "distance in the model's space (smaller: more alike)";
    li.append(id, genres, distance);
    return li;
  }));
  show("neighbours", r.neighbours.length > 0);
  $("space").textContent = r.neighbours.length && r.space ? `Compared by ${r.space}; distance on the right.` : "";
  show("space", $("space").textContent.length > 0);

  const drivers = $("drivers");
  const largest = Math.max(1e-9, ...r.drivers.map((d) => Math.abs(d.delta)));
  drivers.replaceChildren(...r.drivers.map((d) => {
    const li = document.createElement("li");
    const name = Object.assign(document.createElement("span"), { className: "name", textContent: d.name });
    const track = Object.assign(document.createElement("span"), { className: "track" });
    const bar = Object.assign(document.createElement("span"), { className: d.delta >= 0 ? "bar for" : "bar against" });
    bar.style.width = `${(50 * Math.abs(d.delta)) / largest}%`;
    track.appendChild(bar);
    const value = Object.assign(document.createElement("span"), { className: "value", textContent: points(d.delta) });
    li.append(name, track, value);
    li.title = d.delta >= 0
      ? `${d.name} speaks for ${top}: with other songs' values there, its probability drops by ${points(d.delta).slice(1)}`
      : `${d.name} speaks against ${top}: with other songs' values there, its probability rises by ${points(d.delta).slice(1)}`;
    return li;
  }));
  show("drivers", r.drivers.length > 0);
  const tags = r.tags.map((t) => t.genre);
  $("drivers-about").textContent = r.drivers.length
    ? `How much ${top}'s probability drops when a feature takes other songs' values (right: for it, left: against it).`
    : tags.length
      ? `The tags the network heard drove this answer: ${tags.join(", ")} (listed above).`
      : "Nothing to show for this model.";

  // The note that the tags are the drivers is said where the drivers are.
  const shown = r.notes.filter((n) => !(tags.length && !r.drivers.length && n.includes("tags the network heard")));
  const notes = $("notes");
  notes.replaceChildren(...shown.map((n) => Object.assign(document.createElement("li"), { textContent: n })));
  show("notes", shown.length > 0);
}

document.addEventListener("DOMContentLoaded", () => {
  loadInfo();
  const input = $("file");
  const drop = $("drop");
  input.addEventListener("change", () => { if (input.files.length) upload(input.files[0]); input.value = ""; });
  for (const type of ["dragenter", "dragover"])
    drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("over"); });
  for (const type of ["dragleave", "drop"])
    drop.addEventListener(type, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
  });
  // Dropping elsewhere on the page must not navigate away to the file.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
});
