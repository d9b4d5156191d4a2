package org.sysnerd.dockerlabs.docker;

import java.util.List;

/** What {@code docker image inspect} says of an image a container runs. */
public final class ImageReads {

    private ImageReads() {
    }

    /** The image's layers, as {@code docker image inspect -f '{{.RootFS.Layers}}'} prints them. */
    public static List<String> layers(Engine engine, String imageId) {
        return engine.client().inspectImageCmd(imageId).exec().getRootFS().getLayers();
    }

    /** The image's default command ({@code docker image inspect IMAGE -f '{{json .Config.Cmd}}'}). */
    public static List<String> command(Engine engine, String imageId) {
        var config = engine.client().inspectImageCmd(imageId).exec().getConfig();
        return config == null || config.getCmd() == null ? List.of() : List.of(config.getCmd());
    }
}
