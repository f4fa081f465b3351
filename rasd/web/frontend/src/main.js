// Browser bundle for the rasd web app: an event map (Leaflet) and a timeline
// chart (Chart.js). The server renders plain HTML with data-* attributes and
// JSON <script type="application/json"> blocks; this file only reads them, so
// it works under `script-src 'self'` (no inline scripts, no eval).

import L from "leaflet";
import {
  Chart,
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
} from "chart.js";

import "./app.css";

// Register only what we draw, so tree-shaking can drop the rest of Chart.js.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

// One colour per ACLED event type, shared by map and chart so the two read
// as one legend. Colour-blind-friendly-ish (Okabe-Ito based).
const PALETTE = {
  "Battles": "#d55e00",
  "Explosions/Remote violence": "#cc79a7",
  "Violence against civilians": "#b2182b",
  "Protests": "#0072b2",
  "Riots": "#e69f00",
  "Strategic developments": "#009e73",
};
const OTHER_COLOUR = "#6b7280";

function colourFor(kind) {
  return Object.prototype.hasOwnProperty.call(PALETTE, kind) ? PALETTE[kind] : OTHER_COLOUR;
}

// Reads the JSON island whose id is named by an attribute. Returns null (and
// logs) instead of throwing, so one bad widget doesn't break the others.
function readJson(el, attr) {
  const id = el.getAttribute(attr);
  const node = id ? document.getElementById(id) : null;
  if (!node) {
    console.error(`rasd: no JSON element for ${attr}=${id}`);
    return null;
  }
  try {
    return JSON.parse(node.textContent);
  } catch (err) {
    console.error(`rasd: bad JSON in #${id}`, err);
    return null;
  }
}

// Only allow http(s)/relative links in popups: the URL comes from our server,
// but refusing javascript:/data: costs nothing. Returns the original string
// (relative stays relative) or null.
function safeHref(url) {
  if (url == null || url === "") return null;
  try {
    const u = new URL(String(url), window.location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? String(url) : null;
  } catch (_) {
    return null;
  }
}

// Labels are untrusted article text: build the popup from text nodes only,
// never innerHTML.
function popupContent(point, linkText) {
  const box = document.createElement("div");
  const label = document.createElement("p");
  label.className = "rasd-popup-label";
  label.dir = "auto"; // Arabic or Latin text, whichever the label is
  label.textContent = point.label == null ? "" : String(point.label);
  box.appendChild(label);
  const href = safeHref(point.url);
  if (href) {
    const a = document.createElement("a");
    a.setAttribute("href", href);
    a.textContent = linkText;
    box.appendChild(a);
  }
  return box;
}

// Grows slowly (log scale) so a mass-casualty event doesn't cover the map.
function radiusFor(fatalities) {
  const f = Number(fatalities) > 0 ? Number(fatalities) : 0;
  return Math.min(18, 5 + 2.5 * Math.log1p(f));
}

function isFiniteNumber(v) {
  return typeof v === "number" && Number.isFinite(v);
}

function initMap(el) {
  if (el.dataset.ready === "1") return; // already initialised
  const raw = readJson(el, "data-points");
  const points = (Array.isArray(raw) ? raw : []).filter(
    (p) => p && isFiniteNumber(p.lat) && isFiniteNumber(p.lon),
  );
  const linkText = el.getAttribute("data-link-text") || "→";

  const map = L.map(el, { scrollWheelZoom: false, worldCopyJump: true });

  // Offline-first: without tiles (none configured or unreachable) fall back
  // to a plain background rather than a grid of broken images.
  const fallback = (layer) => {
    el.classList.add("rasd-map-fallback");
    // Note: Leaflet blanks removed tiles with a data: GIF, so a CSP whose
    // img-src lacks data: logs (harmless) violations here and on panning.
    if (layer) map.removeLayer(layer);
  };
  const tiles = (el.getAttribute("data-tiles") || "").trim();
  if (tiles) {
    const layer = L.tileLayer(tiles, {
      // Attribution is server configuration (trusted), not article text.
      attribution: el.getAttribute("data-attribution") || "",
      maxZoom: 18,
    });
    layer.once("tileerror", () => fallback(layer));
    layer.addTo(map);
  } else {
    fallback(null);
  }

  const latlngs = [];
  for (const p of points) {
    const colour = colourFor(p.kind);
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: radiusFor(p.fatalities),
      color: colour,
      weight: 1.5,
      fillColor: colour,
      fillOpacity: 0.55,
      className: "rasd-marker",
    });
    marker.bindPopup(popupContent(p, linkText));
    marker.addTo(map);
    latlngs.push([p.lat, p.lon]);
  }

  if (latlngs.length) {
    // maxZoom keeps a single point (or a tight cluster) from zooming to street level.
    map.fitBounds(L.latLngBounds(latlngs), { padding: [24, 24], maxZoom: 9 });
  } else {
    map.setView([33, 40], 5);
  }

  el.dataset.markers = String(latlngs.length);
  el.dataset.ready = "1";
}

function initChart(canvas) {
  if (canvas.dataset.ready === "1") return;
  const series = readJson(canvas, "data-series");
  if (!series || !Array.isArray(series.labels)) return;

  const rtl = document.documentElement.dir === "rtl";
  const countLabel = canvas.getAttribute("data-count-label") || "";
  const fatalLabel = canvas.getAttribute("data-fatalities-label") || "";
  const reduceMotion =
    window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  const datasets = (series.datasets || []).map((d) => ({
    type: "bar",
    label: String(d.label ?? d.kind ?? ""),
    data: Array.isArray(d.counts) ? d.counts : [],
    backgroundColor: colourFor(d.kind),
    stack: "events",
    yAxisID: "y",
    order: 2, // draw bars under the fatalities line
  }));
  const fat = series.fatalities;
  if (fat && Array.isArray(fat.values)) {
    datasets.push({
      type: "line",
      label: String(fat.label ?? ""),
      data: fat.values,
      borderColor: "#111827",
      backgroundColor: "#111827",
      borderWidth: 2,
      pointRadius: 2,
      cubicInterpolationMode: "monotone", // no overshoot below zero
      yAxisID: "y1",
      order: 1,
    });
  }

  new Chart(canvas, {
    data: { labels: series.labels, datasets },
    options: {
      animation: reduceMotion ? false : undefined,
      interaction: { mode: "index", intersect: false },
      plugins: {
        // The page is translated server-side; in Arabic the legend and
        // tooltips must read right-to-left.
        legend: { rtl, textDirection: rtl ? "rtl" : "ltr" },
        tooltip: { rtl, textDirection: rtl ? "rtl" : "ltr" },
      },
      scales: {
        x: { stacked: true },
        y: {
          stacked: true,
          position: "left",
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: Boolean(countLabel), text: countLabel },
        },
        y1: {
          position: "right",
          beginAtZero: true,
          ticks: { precision: 0 },
          grid: { drawOnChartArea: false }, // one grid is enough
          title: { display: Boolean(fatalLabel), text: fatalLabel },
        },
      },
    },
  });
  canvas.dataset.ready = "1";
}

// Initialise each widget independently: an exception in one must not leave
// the others blank.
function each(selector, fn) {
  document.querySelectorAll(selector).forEach((el) => {
    try {
      fn(el);
    } catch (err) {
      console.error("rasd: widget failed", el, err);
    }
  });
}

function init() {
  each("[data-rasd-map]", initMap);
  each("canvas[data-rasd-chart]", initChart);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init);
} else {
  init(); // script loaded late (e.g. defer after parse): run now
}
