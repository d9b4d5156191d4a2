package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("GraphDriverDirs reads a container's overlay dirs out of `docker inspect`")
class GraphDriverDirsTest {

    private static final String PODMAN_ID = "0fdf811448a41870a530e4abdc0569472a70e22ef5c45e49400bfafcae62df1c";
    private static final String STORAGE = "/var/lib/containers/storage/overlay/";

    private static EngineInfo podman() {
        return EngineInfo.fromJson(Fixtures.json("docker-info/podman-4.3.1-recorded.json"));
    }

    private static GraphDriverDirs podmanDirs() {
        return GraphDriverDirs.fromInspect(Fixtures.json("inspect/podman-4.3.1-container-recorded.json"), PODMAN_ID, podman());
    }

    @SuppressWarnings("unchecked")
    private static List<String> podmanImageLayers() {
        return (List<String>) ((Map<String, Object>) Fixtures.json("inspect/podman-4.3.1-image-recorded.json").get("RootFS"))
                .get("Layers");
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded): merged and upper dir of the container under /var/lib/containers/storage/overlay")
    void podman_merged_and_upper_dirs() {
        GraphDriverDirs dirs = podmanDirs();

        assertThat(dirs.mergedDir()).isEqualTo(STORAGE + "507896da34f8bca45a5034c5a10359fa4223157f6dff6481034a5abb67f55abb/merged");
        assertThat(dirs.upperDir()).isEqualTo(STORAGE + "507896da34f8bca45a5034c5a10359fa4223157f6dff6481034a5abb67f55abb/diff");
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded): no init layer: the lower dirs are the image's 3 layers, the first layer at the bottom")
    void podman_lower_dirs_are_the_image_layers_only() {
        List<String> lowers = podmanDirs().lowerDirs();
        List<String> layers = podmanImageLayers();

        assertThat(lowers).hasSize(layers.size() + podman().initLayers()).hasSize(3).noneMatch(dir -> dir.contains("-init"));
        // the bottom layer's storage ID is its diff ID; the layers above are named by chain ID
        assertThat(lowers.get(lowers.size() - 1)).isEqualTo(STORAGE + layers.get(0).substring("sha256:".length()) + "/diff");
    }

    @Test
    @DisplayName("an engine without overlay (no MergedDir, not the containerd store): no merged dir")
    void without_graph_driver_data() {
        GraphDriverDirs dirs = GraphDriverDirs.fromInspect(Map.of("GraphDriver", Map.of("Name", "vfs", "Data", Map.of())),
                PODMAN_ID, podman());

        assertThat(dirs.mergedDir()).isNull();
        assertThat(dirs.lowerDirs()).isEmpty();
    }
}
