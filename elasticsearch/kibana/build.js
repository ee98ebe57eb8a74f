#!/usr/bin/env node
/**
 * Writes saved-objects.ndjson: two data views, five aggregation-based visualisations and the
 * "Shop analytics" dashboard, in the saved-objects export format Kibana 8 imports
 * (POST /api/saved_objects/_import). Field names must exist in ../index-templates/*.json;
 * integration-tests/unit/kibana-fields.spec.ts checks that.
 *
 *   node elasticsearch/kibana/build.js
 */
const fs = require("fs")
const path = require("path")

const EVENTS = "shop-events-data-view"
const API = "shop-api-metrics-data-view"

const dataView = (id, title, name) => ({
  id,
  type: "index-pattern",
  attributes: { title, name, timeFieldName: "@timestamp" },
  references: [],
})

const kql = (query) => ({ query, language: "kuery" })

function vis(id, title, dataViewId, query, visState) {
  return {
    id,
    type: "visualization",
    attributes: {
      title,
      description: "",
      uiStateJSON: "{}",
      version: 1,
      visState: JSON.stringify({ title, ...visState }),
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({ query: kql(query), filter: [], indexRefName: "kibanaSavedObjectMeta.searchSourceJSON.index" }),
      },
    },
    references: [{ name: "kibanaSavedObjectMeta.searchSourceJSON.index", type: "index-pattern", id: dataViewId }],
  }
}

const dateHistogram = (id) => ({
  id, enabled: true, type: "date_histogram", schema: "segment",
  params: { field: "@timestamp", useNormalizedEsInterval: true, interval: "auto", drop_partials: false, min_doc_count: 1, extended_bounds: {} },
})
const terms = (id, field, schema, size = 10, orderBy = "1") => ({
  id, enabled: true, type: "terms", schema,
  params: { field, orderBy, order: "desc", size, otherBucket: false, missingBucket: false },
})

const visualizations = [
  vis("shop-revenue-by-region-currency", "Revenue over time by region and currency (minor units)", EVENTS, 'event : "order.placed"', {
    type: "histogram",
    params: { type: "histogram", addLegend: true, legendPosition: "right", addTooltip: true, isVislibVis: true },
    aggs: [
      { id: "1", enabled: true, type: "sum", schema: "metric", params: { field: "properties.value_minor", customLabel: "Revenue (minor units)" } },
      dateHistogram("2"),
      terms("3", "properties.currency", "group", 10),
      terms("4", "properties.region_name", "split", 10),
    ],
  }),
  vis("shop-top-products", "Top products (orders containing the product)", EVENTS, 'event : "order.placed"', {
    type: "table",
    params: { perPage: 10, showTotal: false },
    aggs: [
      { id: "1", enabled: true, type: "count", schema: "metric", params: { customLabel: "Orders" } },
      terms("2", "properties.product_ids", "bucket", 20),
    ],
  }),
  vis("shop-checkout-funnel", "Checkout funnel (distinct carts per step)", EVENTS, "", {
    type: "histogram",
    params: { type: "histogram", addLegend: false, addTooltip: true, isVislibVis: true },
    aggs: [
      { id: "1", enabled: true, type: "cardinality", schema: "metric", params: { field: "properties.cart_id", customLabel: "Carts" } },
      {
        id: "2", enabled: true, type: "filters", schema: "segment",
        params: {
          filters: [
            { input: kql('event : "cart.created"'), label: "1 cart created" },
            { input: kql('event : "cart.line_added"'), label: "2 item added" },
            { input: kql('event : "checkout.started"'), label: "3 checkout started" },
            { input: kql('event : "checkout.completed"'), label: "4 checkout completed" },
          ],
        },
      },
    ],
  }),
  vis("shop-zero-result-searches", "Searches with zero results", EVENTS, 'event : "search.performed" and properties.zero_results : true', {
    type: "table",
    params: { perPage: 20, showTotal: true },
    aggs: [
      { id: "1", enabled: true, type: "count", schema: "metric", params: { customLabel: "Searches" } },
      terms("2", "properties.query", "bucket", 50),
      { id: "3", enabled: true, type: "max", schema: "metric", params: { field: "properties.latency_ms", customLabel: "Max latency (ms)" } },
    ],
  }),
  vis("shop-api-p95-latency", "API p95 latency by route (ms, sampled)", API, 'event : "api.request"', {
    type: "line",
    params: { type: "line", addLegend: true, legendPosition: "right", addTooltip: true, isVislibVis: true },
    aggs: [
      { id: "1", enabled: true, type: "percentiles", schema: "metric", params: { field: "properties.duration_ms", percents: [95], customLabel: "p95 ms" } },
      dateHistogram("2"),
      terms("3", "properties.route", "group", 15, "_key"),
    ],
  }),
]

const dashboard = {
  id: "shop-analytics-dashboard",
  type: "dashboard",
  attributes: {
    title: "Shop analytics",
    description: "Revenue by region and currency, top products, checkout funnel, zero-result searches, API p95 latency",
    timeRestore: true,
    timeFrom: "now-30d",
    timeTo: "now",
    refreshInterval: { pause: true, value: 0 },
    optionsJSON: JSON.stringify({ useMargins: true, hidePanelTitles: false }),
    panelsJSON: JSON.stringify(
      visualizations.map((v, i) => ({
        version: "8.19.0",
        type: "visualization",
        panelIndex: String(i + 1),
        gridData: { x: (i % 2) * 24, y: Math.floor(i / 2) * 15, w: 24, h: 15, i: String(i + 1) },
        embeddableConfig: {},
        panelRefName: `panel_${i}`,
      }))
    ),
    kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: kql(""), filter: [] }) },
  },
  references: visualizations.map((v, i) => ({ name: `panel_${i}`, type: "visualization", id: v.id })),
}

const objects = [
  dataView(EVENTS, "shop-events*", "Shop events"),
  dataView(API, "shop-api-metrics*", "Shop API metrics"),
  ...visualizations,
  dashboard,
]

const toNdjson = () => objects.map((o) => JSON.stringify(o)).join("\n") + "\n"
module.exports = { objects, toNdjson }

if (require.main === module) {
  const out = path.join(__dirname, "saved-objects.ndjson")
  fs.writeFileSync(out, toNdjson())
  console.log(`wrote ${objects.length} saved objects to ${path.relative(process.cwd(), out)}`)
}
