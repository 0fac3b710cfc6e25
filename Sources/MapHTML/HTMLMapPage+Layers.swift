import GeoJSON
import PerimeterKit

extension HTMLMapPage {
    /// A page of any layers (`perimeter render … -o FILE.html`): each layer toggleable, styled by its role,
    /// every feature's properties in its popup.
    public static func layers(_ layers: [MapLayer], title: String, basemap: PageBasemap?) -> HTMLMapPage {
        HTMLMapPage(title: title, layers: layers.filter { $0.role != .basemap }.map { PageLayer($0) }, basemap: basemap)
    }
}
