package io.certtrail.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some requests before any of our code runs: a request line with raw non-ASCII
 * bytes or other characters HTTP does not allow, say. Its default answer is an HTML page; this one
 * is a problem document like every other error of the API, and says what to fix.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = status == 400
                ? "The request could not be read. Percent-encode characters outside ASCII in the URL"
                        + " (a browser does this by itself) and send well-formed headers."
                : "The request could not be handled.";
        String slug = status == 400 ? "invalid-request" : "http-" + status;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"https://certtrail.io/problems/" + slug + "\",\"title\":\""
                        + (status == 400 ? "Invalid request" : "Request not handled") + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"code\":\""
                        + (status == 400 ? "INVALID_REQUEST" : "HTTP_" + status) + "\"}");
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to tell
        }
    }
}
