package fr.acta.simulator.prefecture;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * A form as PHP sees it: scalar fields, array fields ({@code name[]} repeated, or {@code name[0]},
 * {@code name[1]}…) and uploaded files, from the query string or the (multipart) body.
 */
final class PostedForm {

    private final HttpServletRequest request;
    private final MultipartHttpServletRequest multipart;

    PostedForm(HttpServletRequest request) {
        this.request = request;
        this.multipart = request instanceof MultipartHttpServletRequest m ? m : null;
    }

    /** The field, or null when absent. */
    String param(String name) {
        return request.getParameter(name);
    }

    /** The field stripped, or "" when absent. */
    String text(String name) {
        String value = param(name);
        return value == null ? "" : value.strip();
    }

    /** PHP's truthiness of a field: absent, "" and "0" are false. */
    boolean flag(String name) {
        String value = text(name);
        return !value.isEmpty() && !value.equals("0");
    }

    boolean api() {
        return "1".equals(text("api"));
    }

    List<String> list(String base) {
        String[] plain = request.getParameterValues(base + "[]");
        if (plain != null) {
            return List.of(plain);
        }
        Map<Integer, String> indexed = new TreeMap<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            Integer index = index(base, e.getKey());
            if (index != null && e.getValue().length > 0) {
                indexed.put(index, e.getValue()[0]);
            }
        }
        return new ArrayList<>(indexed.values());
    }

    /** The uploaded file, or null when none (or an empty part without a file name). */
    MultipartFile file(String name) {
        if (multipart == null) {
            return null;
        }
        MultipartFile f = multipart.getFile(name);
        return f == null || (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty()))
                ? null : f;
    }

    List<MultipartFile> files(String base) {
        if (multipart == null) {
            return List.of();
        }
        List<MultipartFile> plain = multipart.getFiles(base + "[]");
        if (!plain.isEmpty()) {
            return plain;
        }
        Map<Integer, MultipartFile> indexed = new TreeMap<>();
        for (Map.Entry<String, List<MultipartFile>> e : multipart.getMultiFileMap().entrySet()) {
            Integer index = index(base, e.getKey());
            if (index != null && !e.getValue().isEmpty()) {
                indexed.put(index, e.getValue().get(0));
            }
        }
        return indexed.isEmpty() ? Collections.emptyList() : new ArrayList<>(indexed.values());
    }

    /** How many files the request carries. */
    int fileCount() {
        return multipart == null ? 0 : multipart.getMultiFileMap().values().stream().mapToInt(List::size).sum();
    }

    private static Integer index(String base, String key) {
        if (!key.startsWith(base + "[") || !key.endsWith("]")) {
            return null;
        }
        String inner = key.substring(base.length() + 1, key.length() - 1);
        return inner.matches("[0-9]{1,4}") ? Integer.valueOf(inner) : null;
    }
}
