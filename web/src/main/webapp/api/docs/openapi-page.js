// Renders the document WildFly generates from the API's resource classes.
window.ui = SwaggerUIBundle({
    url: "/openapi?format=JSON",
    dom_id: "#swagger-ui",
    deepLinking: true
});
