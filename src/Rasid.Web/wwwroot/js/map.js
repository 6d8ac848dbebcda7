// The Leaflet map: bundled Natural Earth country boundaries as the base layer (an optional tile layer from configuration),
// one circle marker per event (colour by type, size by fatalities), clustered when there are many.
/* global L, topojson */
import { el } from "./dom.js";
import { typeColor, typeSlug } from "./types.js";

const CLUSTER_ABOVE = 400;

export function markerRadius(fatalities) {
  return Math.min(24, 5 + 2.5 * Math.sqrt(Math.max(0, fatalities ?? 0)));
}

export class EventMap {
  constructor(container, { tileUrl, onSelect }) {
    this.onSelect = onSelect;
    this.map = L.map(container, { minZoom: 2, maxZoom: 14, zoomSnap: 0.5, worldCopyJump: true }).setView([22, 45], 4);
    this.map.attributionControl.setPrefix("Leaflet");
    this.map.createPane("boundaries").style.zIndex = 250;
    if (tileUrl) {
      L.tileLayer(tileUrl, { maxZoom: 18, attribution: "tiles: configured server" }).addTo(this.map);
    }
    this.layer = null;
    this.markers = new Map();
    this.selected = null;
  }

  /** Loads the country boundaries bundled with the app (world-atlas, Natural Earth 1:50m). */
  async loadBoundaries() {
    const response = await fetch("vendor/world-atlas/countries-50m.json");
    if (!response.ok) throw new Error("country boundaries are missing (vendor assets not built)");
    const topology = await response.json();
    const countries = topojson.feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      pane: "boundaries",
      interactive: false,
      style: { color: "#9aa5b1", weight: 0.8, fillColor: "#e8ecef", fillOpacity: 1 },
      attribution: "Natural Earth",
    }).addTo(this.map);
  }

  /** Replaces the markers with one per located event; fits the view to them when asked. */
  show(items, { fit = true } = {}) {
    if (this.layer) this.map.removeLayer(this.layer);
    this.markers.clear();
    const located = items.filter((e) => e.latitude !== null && e.longitude !== null);
    this.layer = located.length > CLUSTER_ABOVE
      ? L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 40 })
      : L.layerGroup();
    for (const e of located) {
      const marker = L.circleMarker([e.latitude, e.longitude], {
        radius: markerRadius(e.fatalities),
        color: "#ffffff",
        weight: 1,
        fillColor: typeColor(e.event_type),
        fillOpacity: 0.85,
        className: `rasid-marker type-${typeSlug(e.event_type)}`,
      });
      // A DOM node, not a string: Leaflet would parse a string as HTML.
      marker.bindTooltip(el("div", { class: "tip" },
        el("strong", {}, e.event_type), el("br"),
        `${e.date ?? "—"} · ${e.location ?? e.location_ar ?? ""}`,
        e.fatalities ? ` · ${e.fatalities} †` : ""));
      marker.on("click", () => this.onSelect(e.id));
      marker.on("add", () => marker.getElement()?.setAttribute("data-event-id", e.id));
      this.layer.addLayer(marker);
      this.markers.set(e.id, marker);
    }
    this.layer.addTo(this.map);
    if (fit && located.length > 0) {
      const bounds = L.latLngBounds(located.map((e) => [e.latitude, e.longitude]));
      this.map.fitBounds(bounds.pad(0.25), { maxZoom: 8 });
    }
    this.highlight(this.selected);
  }

  /** Outlines the marker of the open event. */
  highlight(id) {
    if (this.selected && this.markers.get(this.selected)) {
      this.markers.get(this.selected).setStyle({ color: "#ffffff", weight: 1 });
    }
    this.selected = id;
    const marker = id ? this.markers.get(id) : null;
    if (marker) {
      marker.setStyle({ color: "#111111", weight: 3 });
      if (marker.bringToFront && this.map.hasLayer(marker)) marker.bringToFront();
    }
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
