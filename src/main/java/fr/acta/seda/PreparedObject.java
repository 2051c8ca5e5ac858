package fr.acta.seda;

/**
 * A file of the transfer once measured: its ids in the manifest, its path in the ZIP, its digest,
 * size and format.
 */
record PreparedObject(int index, SedaTransferRequest.DataObject source, String path, String sha512,
                      FileFormat format) {

    String objectId() {
        return "BDO_" + index;
    }

    String groupId() {
        return "GOT_" + index;
    }

    String unitId() {
        return "AU_" + index;
    }

    long size() {
        return source.content().length;
    }

    /** The unit's title: the one given, else the role's label and the file name. */
    String title() {
        String title = source.title();
        return title == null || title.isBlank() ? source.role().label() + " : " + source.fileName() : title.strip();
    }
}
