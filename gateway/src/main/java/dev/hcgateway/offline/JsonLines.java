package dev.hcgateway.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Answers standard input line by line for the offline commands ({@code verify -}, {@code gate -}): one answer line
 * per non-blank input line, in order; a line that cannot be judged is answered {@code {"error":"invalid_line"}} in
 * its place (so that answers still line up with requests) and said on standard error by its number, never echoed.
 *
 * @param why says in words why a line was not judged, never quoting it (a parser's message would echo the code)
 */
record JsonLines(Function<Exception, String> why) {

    /** Answers one line; throws when it cannot be judged. */
    @FunctionalInterface
    interface Answerer {
        String answer(String line) throws Exception;
    }

    /** Answers every line of {@code in} on {@code out}; returns 0, or 1 when a line was not judged or input failed. */
    int answerEach(InputStream in, PrintWriter out, PrintWriter err, Answerer answerer) {
        int status = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.println(answerer.answer(line));
                } catch (Exception e) {
                    out.println("{\"error\":\"invalid_line\"}");
                    err.println("line " + n + ": not judged: " + why.apply(e));
                    status = 1;
                }
            }
        } catch (IOException e) {
            err.println("cannot read standard input: " + e.getMessage());
            return 1;
        }
        return status;
    }
}
