package io.caravan.server.dashboard;

import io.caravan.server.Client;
import io.caravan.server.Org;
import io.caravan.server.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's static files are served folder by folder, and a page's other links are not looked up among them. */
class StaticFilesTest {

    @Test
    void eachFolderAndLibraryIsServedAndPagesLinkLibrariesByVersion() {
        Client anonymous = Client.anonymous(TestServer.get().url());
        for (String path : new String[] {"/css/caravan.css", "/js/caravan.js", "/data/world-110m.json",
                "/webjars/htmx.org/dist/htmx.min.js", "/webjars/echarts/echarts.min.js"}) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(anonymous.get("/css/missing.css").status()).isEqualTo(404);
        Org org = Org.create("static-files");
        String page = org.admin.get("/orders").body();
        assertThat(page).containsPattern("src=\"/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js\"");
    }

    @Test
    void noStaticFileMappingCoversEveryAddress() {
        // a mapping of /** would have every link of every page looked up in the application's jar
        ResourceUrlProvider urls = TestServer.get().context().getBean("mvcResourceUrlProvider", ResourceUrlProvider.class);
        assertThat(urls.getHandlerMap().keySet()).isNotEmpty()
                .doesNotContain("/**");
        assertThat(urls.getForLookupPath("/orders/O-000001")).isNull();
        assertThat(urls.getForLookupPath("/css/caravan.css")).isEqualTo("/css/caravan.css");
    }
}
