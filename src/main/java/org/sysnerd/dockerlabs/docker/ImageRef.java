package org.sysnerd.dockerlabs.docker;

/** What a learner's {@code docker run IMAGE} may have named: any reference to the lab's image. */
public final class ImageRef {

    private ImageRef() {
    }

    /**
     * True when the reference names the lab's image: {@code nginx}, {@code nginx:latest}, {@code nginx:1.27},
     * {@code docker.io/library/nginx@sha256:...}, any repository ending in {@code /nginx}, or the override image.
     */
    public static boolean isOf(String reference, LabImage image) {
        if (reference == null || reference.isBlank()) {
            return false;
        }
        String repository = repository(reference);
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        return name.equals(image.name().toLowerCase()) || repository.equals(image.resolved().getUnversionedPart());
    }

    /** The repository part of a reference: without its tag or digest. */
    static String repository(String reference) {
        String withoutDigest = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
