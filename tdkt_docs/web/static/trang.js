// Progress of a running build (polling), and filters that apply as soon as they change.
"use strict";

function follow(box) {
  const bar = document.getElementById("thanh");
  const percent = document.getElementById("phan-tram");
  const stage = document.getElementById("buoc");
  const poll = () => fetch(box.dataset.url, { credentials: "same-origin" })
    .then((response) => response.json())
    .then((state) => {
      bar.value = state.percent;
      percent.textContent = state.percent + "%";
      stage.textContent = state.label;
      if (state.finished) {
        window.location.reload();
      } else {
        window.setTimeout(poll, 150);
      }
    })
    .catch(() => window.setTimeout(poll, 1000));
  poll();
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("tien-do");
  if (box && !box.dataset.xong) {
    follow(box);
  }
  document.querySelectorAll("select[data-tu-gui]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
});
