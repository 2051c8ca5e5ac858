package fr.acta.act;

import java.io.IOException;
import java.io.InputStream;

/** An uploaded file as the intake sees it, whatever the transport. */
public interface IncomingFile {
    String name();

    InputStream open() throws IOException;
}
