try{var t=localStorage.getItem("pm-theme");if(t==="light"||t==="dark")document.documentElement.classList.add(t)}catch{}
