/// The page's own stylesheet (Leaflet's is inlined beside it).
enum PageStyle {
    static let css = #"""
html, body { margin: 0; height: 100%; font: 13px/1.4 "DejaVu Sans", Arial, sans-serif; color: #222; }
#app { display: flex; height: 100vh; }
#panel { width: 370px; flex: none; overflow-y: auto; padding: 10px 14px; box-sizing: border-box; border-right: 1px solid #bbb; background: #fafafa; }
#panel h1 { font-size: 17px; margin: 2px 0 4px; }
#panel h2 { font-size: 13px; margin: 12px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: #555; }
#panel .subtitle { color: #444; margin: 0 0 6px; }
#panel .notes { padding-left: 16px; margin: 6px 0; color: #444; font-size: 12px; }
#panel .about { color: #666; font-size: 11px; margin-top: 12px; border-top: 1px solid #ddd; padding-top: 6px; }
#map { flex: 1; background: #dcebf5; }
table.figures { border-collapse: collapse; width: 100%; font-size: 12px; }
table.figures th, table.figures td { border-bottom: 1px solid #e2e2e2; padding: 2px 4px; text-align: right; vertical-align: top; }
table.figures th:first-child, table.figures td:first-child { text-align: left; }
table.figures td.unit { color: #777; text-align: left; }
table.figures tr.alt td { background: #eef3fb; }
.altitudes label { margin-right: 10px; white-space: nowrap; }
.timebar { display: flex; align-items: center; gap: 6px; }
.timebar input[type=range] { flex: 1; }
.timebar button { width: 64px; }
.clock { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; margin: 4px 0; }
.counts { font-size: 12px; margin: 4px 0; }
table.tracklist { border-collapse: collapse; width: 100%; font-size: 12px; }
table.tracklist td, table.tracklist th { padding: 1px 4px; border-bottom: 1px solid #eee; text-align: left; }
table.tracklist td.num { text-align: right; font-family: "DejaVu Sans Mono", monospace; }
.state { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 4px; border: 1px solid #fff; box-shadow: 0 0 0 1px #888; }
.popup table { border-collapse: collapse; margin-top: 4px; }
.popup th { text-align: left; font-weight: normal; color: #555; padding: 1px 8px 1px 0; vertical-align: top; }
.popup td { padding: 1px 0; }
.popup .now { margin-top: 4px; padding-top: 3px; border-top: 1px solid #ddd; }
.legend { background: rgba(255,255,255,.9); padding: 6px 8px; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 320px; }
.legend div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.legend svg, .leaflet-control-layers svg { vertical-align: middle; margin-right: 4px; }
.leaflet-tooltip.mark-label { padding: 0 3px; font-size: 11px; line-height: 14px; border: none; box-shadow: none; background: rgba(255,255,255,.75); }
.leaflet-tooltip.mark-label::before { display: none; }
.country-label span { position: absolute; transform: translate(-50%, -50%); white-space: nowrap; font-style: italic; color: #5a5a5a; font-size: 13px; text-shadow: 0 0 3px #f4f1ea, 0 0 3px #f4f1ea; }
.place-label span { position: absolute; transform: translate(6px, -50%); white-space: nowrap; color: #1a1a1a; font-size: 11px; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 2px #fff; }
.leaflet-container { font: inherit; }
.layers .leaflet-control-layers { box-shadow: none; border: 1px solid #ddd; border-radius: 3px; margin: 0; float: none; background: #fff; }
.layers .leaflet-control-layers-expanded { padding: 4px 6px; }
.layers label { margin: 1px 0; }
"""#
}
